/** Where the share images are served: `/share/…` (permanent URLs, in content/published-urls.txt). */
export const sharePaths = {
  story: (id: string) => `/share/stories/${id}.jpg`,
  teacher: (id: string) => `/share/teachers/${id}.jpg`,
  volume: (id: string) => `/share/collections/${id}.jpg`,
  site: '/share/site.jpg',
};
