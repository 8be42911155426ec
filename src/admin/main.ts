/**
 * The web editor's script (/admin/main.js, bundled at build time by src/integrations/admin.ts):
 * teaches Decap CMS our file format, our components and the pinyin address, then starts it with
 * the configuration generated from the schemas (/admin/config.json).
 */
import DecapCmsApp from 'decap-cms-app';
import { Component, createElement } from 'react';
import { ADMIN } from '../i18n/zh-CN.ts';
import { suggestSlug } from '../lib/pinyin.ts';
import { textOf } from '../lib/text-of.ts';
import { createEditorComponents } from './editor-components.ts';
import { readEditorEntry, writeEditorEntry, type EditorEntryShape } from './entry-format.ts';

interface ImmutableLike {
  get(key: string): unknown;
  getIn(path: string[]): unknown;
}

interface WidgetProps {
  value?: string;
  onChange: (value: string) => void;
  forID: string;
  classNameWrapper: string;
  field: ImmutableLike;
  entry: ImmutableLike;
  setActiveStyle: () => void;
  setInactiveStyle: () => void;
}

interface DecapCms {
  init(options: { config: unknown }): void;
  registerCustomFormat(
    name: string,
    extension: string,
    format: { fromFile: (text: string) => unknown; toFile: (data: Record<string, unknown>) => string },
  ): void;
  registerEditorComponent(component: unknown): void;
  registerWidget(name: string, control: unknown, preview?: unknown): void;
  registerEventListener(listener: { name: string; handler: (event: { entry: ImmutableMap }) => unknown }): void;
}

interface ImmutableMap extends ImmutableLike {
  set(key: string, value: unknown): ImmutableMap;
}

/** Where each collection's address comes from (the title of a story, the name of a teacher). */
const ADDRESS_SOURCES: Record<string, { field: string; personalName: boolean }> = {
  stories: { field: 'title', personalName: false },
  teachers: { field: 'name', personalName: true },
};

/** The pinyin address of a title or name, as `npm run new` suggests it. */
function suggestAddress(collection: string, data: ImmutableLike): string {
  const source = ADDRESS_SOURCES[collection] ?? { field: 'title', personalName: false };
  const text = textOf(data.get(source.field));
  return suggestSlug(text, source.personalName ? { personalName: true } : { maxSyllables: 8 });
}

/** What the build writes to /admin/config.json. */
export interface AdminConfig {
  cms: Record<string, unknown>;
  shapes: Record<string, EditorEntryShape>;
  formats: Record<string, string>;
}

const CMS = DecapCmsApp as unknown as DecapCms;

function registerFormats(config: AdminConfig): void {
  for (const [collection, format] of Object.entries(config.formats)) {
    const shape = config.shapes[collection];
    if (!shape) continue;
    CMS.registerCustomFormat(format, 'mdx', {
      fromFile: (text) => readEditorEntry(text, shape),
      toFile: (data) => writeEditorEntry(data, shape),
    });
  }
}

const ADDRESS_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The address (folder name) of a new entry: suggested in pinyin from the title or the name as
 * `npm run new` does, editable; an existing entry's address is shown, never changed here.
 */
class AddressControl extends Component<WidgetProps> {
  // Decap calls isValid unbound: arrow functions keep `this`.
  isNew = (): boolean => Boolean(this.props.entry.get('newRecord'));

  /** Empty is fine (the address is made from the title on saving); what is typed must be pinyin. */
  isValid = (): true | { error: { message: string } } => {
    const value = this.props.value ?? '';
    if (!this.isNew() || value === '') return true;
    return ADDRESS_PATTERN.test(value) ? true : { error: { message: ADMIN.address.invalid } };
  };

  override render() {
    const { forID, classNameWrapper, value, entry, setActiveStyle, setInactiveStyle, onChange } = this.props;
    if (!this.isNew())
      return createElement(
        'p',
        { id: forID, className: classNameWrapper },
        `${String(entry.get('slug')).replace(/\/index$/, '')}　${ADMIN.address.fixed}`,
      );
    return createElement('input', {
      id: forID,
      type: 'text',
      className: classNameWrapper,
      value: value ?? '',
      placeholder: ADMIN.address.placeholder,
      lang: 'en',
      autoComplete: 'off',
      onFocus: setActiveStyle,
      onBlur: setInactiveStyle,
      onChange: (e: { target: { value: string } }) => onChange(e.target.value),
    });
  }
}

function AddressPreview({ value }: { value?: string }) {
  return createElement('code', null, value ?? '');
}

async function start(): Promise<void> {
  const response = await fetch('./config.json', { cache: 'no-store' });
  const config = (await response.json()) as AdminConfig;
  registerFormats(config);
  CMS.registerWidget('yangwang-address', AddressControl, AddressPreview);
  // A new entry left without an address gets the pinyin of its title (or name) before it is saved.
  CMS.registerEventListener({
    name: 'preSave',
    handler: ({ entry }) => {
      const data = entry.get('data') as ImmutableMap;
      if (!entry.get('newRecord') || textOf(data.get('address')).trim()) return data;
      return data.set('address', suggestAddress(String(entry.get('collection')), data));
    },
  });
  for (const component of createEditorComponents()) CMS.registerEditorComponent(component);
  CMS.init({ config: config.cms });
}

void start();
