/**
 * The data layer (`src/data/`) over a small in-memory content store, as Starlight tests its
 * routing: `astro:content` is replaced by the given collections (`mockContent`) and the modules
 * under `src/data/` are loaded afresh (`loadDataLayer`), since each keeps its index for the whole
 * build. Entries can be made through the collections' real stored schemas (`storyEntry`, …), so
 * defaults (`draft`, `sample`, `honours`) and references look as they do in a build.
 * `getCacheKeys` builds every route's data, so a test can compare the keys before and after an edit.
 */
import { z } from 'astro/zod';
import { vi } from 'vitest';
import { createVolumeSchema } from '../../src/schemas/volumes.ts';
import type { CollectionName } from '../../src/schemas/common.ts';
import { createHonourYearSchema } from '../../src/schemas/honours.ts';
import { schoolSchema } from '../../src/schemas/schools.ts';
import { createStoredStorySchema } from '../../src/schemas/stories.ts';
import { createStoredTeacherSchema } from '../../src/schemas/teachers.ts';
import sample from '../fixtures/images/sample.jpg';

/** An entry as the content store holds it (only what `src/data` reads). */
export interface StoreEntry {
  id: string;
  data: Record<string, unknown>;
  rendered?: { html: string; metadata?: Record<string, unknown> };
}

export type Store = Record<'stories' | 'teachers' | 'schools' | 'volumes' | 'honours', StoreEntry[]>;

const ref = (collection: string, id: string) => ({ collection, id });
const cover = { src: sample, alt: '封面', credit: '周南 摄', licence: 'CC BY 4.0' };

/**
 * A small site: three teachers at two schools, five stories, one volume (a, c), a 2023 roll naming
 * 林秋云. Stories a and b are about 林秋云; c and e about 陈立 (same theme: related); d about 王芳.
 */
export function makeStore(): Store {
  const story = (id: string, title: string, teachers: string[], themes: string[], published: string): StoreEntry => ({
    id,
    data: {
      title,
      teachers: teachers.map((t) => ref('teachers', t)),
      writer: '本站记者',
      published,
      summary: `${title}的摘要`,
      cover,
      themes,
      figures: [],
      corrections: [],
      sample: true,
      draft: false,
    },
    rendered: { html: `<p>${title}的正文</p>`, metadata: { characterCount: 900 } },
  });
  const teacher = (id: string, name: string, pinyin: string, school: string, honours: unknown[] = []): StoreEntry => ({
    id,
    data: { name, pinyin, school: ref('schools', school), subject: '语文', stage: '小学', honours, figures: [], sample: true },
    rendered: { html: `<p>${name}的简介</p>` },
  });
  return {
    schools: [
      { id: 'shan-xiao', data: { name: '山村小学', district: '云岭县', stages: ['小学'], sample: true } },
      { id: 'zhi-xiao', data: { name: '职业学校', district: '望川区', stages: ['中职'], sample: true } },
    ],
    teachers: [
      teacher('lin', '林秋云', 'Lín Qiūyún', 'shan-xiao', [{ year: 2023, title: '师德标兵', level: '市级', awardedBy: '市教育体育局' }]),
      teacher('chen', '陈立', 'Chén Lì', 'zhi-xiao'),
      teacher('wang', '王芳', 'Wáng Fāng', 'zhi-xiao'),
    ],
    stories: [
      story('a', '山里的灯', ['lin'], ['乡村教育'], '2024-05-01'),
      story('b', '雪地里的路', ['lin'], ['乡村教育'], '2024-04-01'),
      story('c', '车间里的讲台', ['chen'], ['职业教育'], '2024-03-01'),
      story('d', '慢慢来', ['wang'], ['特殊教育'], '2024-02-01'),
      story('e', '师傅带徒弟', ['chen'], ['职业教育'], '2024-01-01'),
    ],
    volumes: [
      {
        id: 'yangwang',
        data: {
          title: '仰望',
          year: 2024,
          editor: '编委会',
          publisher: '市教育体育局',
          description: '文集',
          chapters: [ref('stories', 'a'), ref('stories', 'c')],
          sample: true,
        },
      },
    ],
    honours: [
      {
        id: '2023',
        data: {
          year: 2023,
          source: '表彰决定',
          sample: true,
          awards: [
            {
              id: 'shi-de',
              title: '师德标兵',
              level: '市级',
              awardedBy: '市教育体育局',
              count: 2,
              recipients: [{ teacher: ref('teachers', 'lin') }, { name: '赵老师' }],
            },
          ],
        },
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// Entries through the real schemas

/** Astro's helpers as the stored schemas see them: an image becomes the sample's metadata, a reference `{ collection, id }`. */
const helpers = {
  image: () => z.string().transform(() => sample),
  reference: (collection: CollectionName) => z.string().transform((id) => ({ collection, id })),
};

function parse(schema: z.ZodType, id: string, data: Record<string, unknown>): Record<string, unknown> {
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new Error(`test entry ${id}: ${parsed.error.message}`);
  return parsed.data as Record<string, unknown>;
}

const coverInput = { src: './cover.jpg', alt: '封面', credit: '周南 摄', licence: 'CC BY 4.0' };

/** An honour on a teacher's profile: a city-level award of that year. */
export const honour = (year: number, title: string) => ({ year, title, level: '市级', awardedBy: '市教育体育局' });

/** A story as the loader stores it; `characterCount` is what the loader measured of the body. */
export function storyEntry(id: string, fields: Record<string, unknown> = {}, characterCount = 900): StoreEntry {
  const data = {
    title: `故事${id}`,
    teachers: ['lin'],
    writer: '本站记者',
    published: '2024-01-01',
    summary: '摘要',
    cover: coverInput,
    themes: ['师德'],
    figures: [],
    sample: true,
    ...fields,
  };
  const title = data.title;
  return {
    id,
    data: parse(createStoredStorySchema(helpers), id, data),
    rendered: { html: `<p>${title}的正文</p>`, metadata: { characterCount } },
  };
}

/** A teacher as the loader stores it. */
export function teacherEntry(id: string, fields: Record<string, unknown> = {}): StoreEntry {
  const data = { name: '林秋云', pinyin: 'Lín Qiūyún', school: 'shan-xiao', figures: [], sample: true, ...fields };
  return { id, data: parse(createStoredTeacherSchema(helpers), id, data), rendered: { html: `<p>${data.name}的简介</p>` } };
}

/** A school (one item of schools.yaml). */
export function schoolEntry(id: string, fields: Record<string, unknown> = {}): StoreEntry {
  return { id, data: parse(schoolSchema, id, { id, name: '山村小学', sample: true, ...fields }) };
}

/** A compiled volume (`content/collections/<id>.yaml`). */
export function volumeEntry(id: string, fields: Record<string, unknown> = {}): StoreEntry {
  const data = {
    title: '仰望',
    year: 2024,
    editor: '编委会',
    publisher: '市教育体育局',
    description: '文集',
    chapters: ['a'],
    sample: true,
    ...fields,
  };
  return { id, data: parse(createVolumeSchema(helpers), id, data) };
}

/** A year's honour roll (`content/honours/<id>.yaml`). */
export function honourEntry(id: string, fields: Record<string, unknown> = {}): StoreEntry {
  const award = { id: 'shi-de', title: '师德标兵', level: '市级', awardedBy: '市教育体育局', count: 1, recipients: [] };
  return {
    id,
    data: parse(createHonourYearSchema(helpers), id, { year: Number(id), source: '表彰决定', awards: [award], sample: true, ...fields }),
  };
}

/** A store with these entries (every collection may be empty). */
export function storeOf(entries: Partial<Store>): Store {
  return { stories: [], teachers: [], schools: [], volumes: [], honours: [], ...entries };
}

// ---------------------------------------------------------------------------------------------
// The mocked `astro:content` and the data layer over it

export interface MockOptions {
  /**
   * Hand each collection's entries out in reverse: Astro does not promise an order, so anything
   * the data layer shows must come out the same either way.
   */
  reversed?: boolean;
}

/**
 * Replaces `astro:content` with `store` for the modules imported after this call (like Astro's,
 * `getCollection` hands out fresh arrays of entries that carry their collection's name).
 */
export function mockContent(store: Store, { reversed = false }: MockOptions = {}): void {
  vi.resetModules();
  vi.doMock('astro:content', () => ({
    getCollection: (name: keyof Store, filter?: (entry: StoreEntry) => boolean) => {
      const entries = store[name].map((e) => ({ ...e, collection: name }));
      if (reversed) entries.reverse();
      return Promise.resolve(filter ? entries.filter(filter) : entries);
    },
  }));
}

/**
 * Every module of `src/data/` that reads collections, loaded afresh over `store`. The one list of
 * their paths: a module renamed in `src/data/` is renamed here.
 */
export async function loadDataLayer(store: Store, options?: MockOptions) {
  mockContent(store, options);
  const [stories, teachers, schools, honours, volumes, search, shareCards, feeds, routes] = await Promise.all([
    import('../../src/data/stories.ts'),
    import('../../src/data/teachers.ts'),
    import('../../src/data/schools.ts'),
    import('../../src/data/honours.ts'),
    import('../../src/data/volumes.ts'),
    import('../../src/data/search.ts'),
    import('../../src/render/share-card/read-card.ts'),
    import('../../src/data/feeds.ts'),
    Promise.all([
      import('../../src/data/routes/story.ts'),
      import('../../src/data/routes/story-list.ts'),
      import('../../src/data/routes/teacher.ts'),
      import('../../src/data/routes/school.ts'),
      import('../../src/data/routes/honour-year.ts'),
      import('../../src/data/routes/volume.ts'),
      import('../../src/data/routes/share-card.ts'),
      import('../../src/data/routes/cards.ts'),
    ]).then(([story, storyList, teacher, school, honourYear, volume, shareCard, cards]) => ({
      story,
      storyList,
      teacher,
      school,
      honourYear,
      volume,
      shareCard,
      cards,
    })),
  ]);
  return { stories, teachers, schools, honours, volumes, search, shareCards, feeds, routes };
}

export type DataLayer = Awaited<ReturnType<typeof loadDataLayer>>;

/** The ids of some entries, in order. */
export const ids = (entries: readonly { id: string }[]): string[] => entries.map((e) => e.id);

/** Every route's `getStaticPaths()` entries and the list pages, over `store`: path → cache key. */
export async function getCacheKeys(store: Store): Promise<Map<string, string>> {
  mockContent(store);
  const [story, list, teacher, school, honour, volume, share, { digestRouteData }] = await Promise.all([
    import('../../src/data/routes/story.ts'),
    import('../../src/data/routes/story-list.ts'),
    import('../../src/data/routes/teacher.ts'),
    import('../../src/data/routes/school.ts'),
    import('../../src/data/routes/honour-year.ts'),
    import('../../src/data/routes/volume.ts'),
    import('../../src/data/routes/share-card.ts'),
    import('../../src/lib/route-digest.ts'),
  ]);
  const keys = new Map<string, string>();
  const add = (prefix: string, paths: { params: Record<string, string>; cacheKey: string }[]) => {
    for (const p of paths) keys.set(`${prefix}${Object.values(p.params).join('/')}`, p.cacheKey);
  };
  add('/stories/', await story.getStoryPaths());
  add('/stories/page/', await list.getStoryListPaths());
  keys.set('/stories/page/1', digestRouteData(await list.getStoryListRoute(1)));
  add('/teachers/', await teacher.getTeacherPaths());
  add('/schools/', await school.getSchoolPaths());
  add('/honours/', await honour.getHonourYearPaths());
  add('/collections/', await volume.getVolumePaths());
  add('/collections/print/', await volume.getVolumePrintPaths());
  add('/collections/rss/', await volume.getVolumeFeedPaths());
  add('/share/stories/', await share.getStoryShareCardPaths());
  add('/share/teachers/', await share.getTeacherShareCardPaths());
  add('/share/collections/', await share.getVolumeShareCardPaths());
  vi.doUnmock('astro:content');
  return keys;
}

/** The paths whose key differs between two builds (or exists in only one), sorted. */
export function changedPaths(before: Map<string, string>, after: Map<string, string>): string[] {
  const paths = new Set([...before.keys(), ...after.keys()]);
  return [...paths].filter((p) => before.get(p) !== after.get(p)).sort();
}

/** Throws when an entry a test names is not there: a lookup that returns nothing is a broken fixture. */
function need<T>(value: T | undefined, id: string): T {
  if (value === undefined) throw new Error(`no entry ${id}`);
  return value;
}

/**
 * `loadDataLayer` over `store` (handed out reversed, so no test depends on the store's order), with
 * lookups by id that throw when the entry is missing.
 */
export async function loadDataLayerWithLookups(store: Store) {
  const data = await loadDataLayer(store, { reversed: true });
  return {
    ...data,
    story: async (id: string) => need(await data.stories.getStory(id), id),
    teacher: async (id: string) => need(await data.teachers.getTeacher(id), id),
    school: async (id: string) => need(await data.schools.getSchool(id), id),
    roll: async (id: string) => need(await data.honours.getHonourYear(id), id),
    volume: async (id: string) => need(await data.volumes.getVolume(id), id),
  };
}
