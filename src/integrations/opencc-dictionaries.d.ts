// OpenCC's dictionaries are plain string modules that the package exports without types.
declare module 'opencc-js/dict/TSCharacters' {
  /** `trad simp|trad simp|…` */
  const dictionary: string;
  export default dictionary;
}
