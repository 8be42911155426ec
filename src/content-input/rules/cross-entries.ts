/**
 * Checks that need every entry at once: two entries at one address, copied folders, references
 * that point nowhere (Astro 7 only logs those), and fiction mixed with real people. Pure: takes
 * the entries as written (before the schema transforms them), so it also works on entries that
 * have other problems, and reports everything at once.
 */
import type { ContentProblem } from '../problem.ts';
import { suggestClosest } from './suggest.ts';

export type CollectionKind = 'stories' | 'teachers' | 'volumes' | 'honours' | 'schools';

/** One entry as the checks see it. */
export interface EntryFacts {
  collection: CollectionKind;
  /** The id the loader gives it: folder name, file name or `id` field. */
  id: string;
  file: string;
  /** The data as written (may be incomplete or invalid). */
  data: unknown;
  /** Line of a field path in `file` (relative to `path` for list items). */
  lineOf: (path: readonly PropertyKey[]) => number | undefined;
  /** Where the entry sits in its file (`[3]` for the fourth school), empty for one-entry files. */
  path?: readonly (string | number)[];
  /** A digest of the body text (whitespace removed), for spotting copies; absent for short bodies. */
  bodyKey?: string | undefined;
}

const LABEL: Record<CollectionKind, string> = {
  stories: '故事',
  teachers: '教师',
  volumes: '文集',
  honours: '表彰名录',
  schools: '学校',
};

const COPY_NAME = /副本|拷贝|复制|copy|\(\d+\)|（\d+）|\s\d+$/i;

/** Every cross-entry problem. `contentDir` is named in the messages (`content`). */
export function findCrossEntryProblems(entries: readonly EntryFacts[], contentDir = 'content'): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const byCollection = (c: CollectionKind) => entries.filter((e) => e.collection === c);
  const ids = (c: CollectionKind) => new Map(byCollection(c).map((e) => [e.id, e]));
  const teachers = ids('teachers');
  const schools = ids('schools');
  const stories = ids('stories');

  const at = (entry: EntryFacts, path: readonly (string | number)[], field: string, message: string) => {
    problems.push({ file: entry.file, line: entry.lineOf([...(entry.path ?? []), ...path]), field: field || '（整个文件）', message });
  };
  const fieldName = (path: readonly (string | number)[]) => path.join('.');

  // Two entries at one address: only letter case differs, or the same file name as .yaml and .yml.
  for (const c of ['stories', 'teachers', 'volumes', 'honours'] as const) {
    const seen = new Map<string, EntryFacts>();
    for (const entry of byCollection(c)) {
      const key = entry.id.toLowerCase();
      const first = seen.get(key);
      if (!first) {
        seen.set(key, entry);
        continue;
      }
      const folder = c === 'stories' || c === 'teachers';
      problems.push({
        file: entry.file,
        field: folder ? '文件夹名' : '文件名',
        message: `与 ${first.file} 的网址相同（/${c}/${key}/）${first.id === entry.id ? '' : '，只差大小写'}：网站只会发布其中一个，请删除或改名`,
      });
    }
    if (c === 'stories' || c === 'teachers') {
      for (const entry of byCollection(c)) {
        if (COPY_NAME.test(entry.id)) {
          problems.push({
            file: entry.file,
            field: '文件夹名',
            message: `文件夹名 “${entry.id}” 像是复制出来的：新${LABEL[c]}请用新标题或姓名的拼音命名；多余的副本请删除`,
          });
        }
      }
    }
  }

  // Copied folders: the same story twice under two names, the same teacher twice.
  const sameStory = new Map<string, EntryFacts>();
  const sameBody = new Map<string, EntryFacts>();
  for (const story of byCollection('stories')) {
    // Two stories may share a title; about the same teachers too, one is a copy.
    const title = textAt(story.data, 'title');
    if (title) {
      const key = `${title}\u0000${arrayAt(story.data, 'teachers').map(String).sort().join(',')}`;
      const first = sameStory.get(key);
      if (first) at(story, ['title'], 'title', `标题和人物都与 ${first.file} 相同：是否复制了文件夹却忘了修改？同一个故事只能发布一次`);
      else sameStory.set(key, story);
    }
    const body = story.bodyKey;
    if (body) {
      const first = sameBody.get(body);
      if (first && textAt(first.data, 'title') !== title) {
        problems.push({ file: story.file, field: '正文', message: `正文与 ${first.file} 完全相同：是否复制了文件夹却忘了换正文？` });
      } else if (!first) {
        sameBody.set(body, story);
      }
    }
  }
  // Two teachers may share a name, even at one school; with the same profile too, one is a copy.
  const samePerson = new Map<string, EntryFacts>();
  for (const teacher of byCollection('teachers')) {
    const name = textAt(teacher.data, 'name');
    const school = textAt(teacher.data, 'school');
    if (!name) continue;
    const key = `${name}\u0000${school ?? ''}\u0000${teacher.bodyKey ?? JSON.stringify(teacher.data)}`;
    const first = samePerson.get(key);
    if (first)
      at(teacher, ['name'], 'name', `与 ${first.file} 是同一位教师（姓名、学校和简介都相同）：是否复制了文件夹？同一位教师只能有一个简介`);
    else samePerson.set(key, teacher);
  }

  // References.
  const missing = (kind: 'teachers' | 'schools' | 'stories', id: string, known: Map<string, EntryFacts>) => {
    const where = kind === 'schools' ? `${contentDir}/schools.yaml 里没有这个 id` : `${contentDir}/${kind}/ 下没有这个文件夹`;
    const guess = suggestClosest(id, known.keys());
    return `找不到${LABEL[kind]} “${id}”：${where}${guess ? `；是否想写 ${guess}？` : ''}`;
  };
  // True or false for an entry that could be read; undefined when its data is unknown, so an
  // unreadable file does not cause a second, wrong problem in the entries that point at it.
  const sampleOf = (entry: EntryFacts): boolean | undefined =>
    entry.data && typeof entry.data === 'object' ? (entry.data as { sample?: unknown }).sample === true : undefined;
  const mixes = (a: EntryFacts, b: EntryFacts) => sampleOf(a) !== undefined && sampleOf(b) !== undefined && sampleOf(a) !== sampleOf(b);

  for (const story of byCollection('stories')) {
    const list = arrayAt(story.data, 'teachers');
    list.forEach((id, i) => {
      if (typeof id !== 'string' || !id) return;
      const teacher = teachers.get(id);
      if (!teacher) {
        at(story, ['teachers', i], `teachers.${i}`, missing('teachers', id, teachers));
      } else if (mixes(story, teacher) && sampleOf(story)) {
        at(
          story,
          ['teachers', i],
          `teachers.${i}`,
          `示例故事（sample: true）写的是真实教师 “${id}”：示例内容只能写虚构的人物；如果这是真实的报道，请删去 sample: true`,
        );
      } else if (mixes(story, teacher)) {
        at(story, ['sample'], 'sample', `故事写的是示例（虚构）教师 “${id}”，所以这篇也要写 sample: true`);
      }
    });
  }

  for (const teacher of byCollection('teachers')) {
    const id = textAt(teacher.data, 'school');
    if (!id) continue;
    const school = schools.get(id);
    if (!school) {
      at(teacher, ['school'], 'school', missing('schools', id, schools));
    } else if (mixes(teacher, school)) {
      at(
        teacher,
        ['school'],
        'school',
        sampleOf(teacher)
          ? `示例（虚构）教师不能放在真实的学校 “${id}”：请用示例学校（sample: true）`
          : `真实教师不能放在示例（虚构）学校 “${id}”：请在 ${contentDir}/schools.yaml 里用真实的学校`,
      );
    }
  }

  for (const volume of byCollection('volumes')) {
    const seen = new Map<string, number>();
    arrayAt(volume.data, 'chapters').forEach((id, i) => {
      if (typeof id !== 'string' || !id) return;
      const story = stories.get(id);
      const field = `chapters.${i}`;
      if (!story) {
        at(volume, ['chapters', i], field, missing('stories', id, stories));
      } else if ((story.data as { draft?: unknown } | undefined)?.draft === true) {
        at(
          volume,
          ['chapters', i],
          field,
          `第 ${i + 1} 篇 “${id}” 还是草稿（draft: true），不会出现在文集里：请先发布这篇故事，或从目录中删去`,
        );
      }
      const before = seen.get(id);
      if (before !== undefined) at(volume, ['chapters', i], field, `“${id}” 在目录里出现了两次（第 ${before + 1} 篇和第 ${i + 1} 篇）`);
      else seen.set(id, i);
    });
  }

  for (const roll of byCollection('honours')) {
    const awardIds = new Map<string, number>();
    arrayAt(roll.data, 'awards').forEach((award, a) => {
      const awardId = textAt(award, 'id');
      if (awardId) {
        const before = awardIds.get(awardId.toLowerCase());
        if (before !== undefined)
          at(
            roll,
            ['awards', a, 'id'],
            `awards.${a}.id`,
            `id “${awardId}” 与第 ${before + 1} 项表彰重复：同一年里每项表彰的 id 必须不同（它是网页上的锚点）`,
          );
        else awardIds.set(awardId.toLowerCase(), a);
      }
      arrayAt(award, 'recipients').forEach((recipient, r) => {
        const path = ['awards', a, 'recipients', r];
        const teacherId = textAt(recipient, 'teacher');
        if (teacherId) {
          const teacher = teachers.get(teacherId);
          if (!teacher) at(roll, [...path, 'teacher'], fieldName([...path, 'teacher']), missing('teachers', teacherId, teachers));
          else if (mixes(roll, teacher)) {
            at(
              roll,
              [...path, 'teacher'],
              fieldName([...path, 'teacher']),
              sampleOf(teacher)
                ? `真实的表彰名录（没有 sample: true）不能列入示例（虚构）教师 “${teacherId}”`
                : `示例名录（sample: true）不能列入真实教师 “${teacherId}”`,
            );
          }
        }
        const schoolId = textAt(recipient, 'school');
        if (schoolId && !schools.has(schoolId)) {
          at(roll, [...path, 'school'], fieldName([...path, 'school']), missing('schools', schoolId, schools));
        }
      });
    });
  }

  return problems;
}

function textAt(value: unknown, key: string): string | undefined {
  const v = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}

function arrayAt(value: unknown, key: string): unknown[] {
  const v = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return Array.isArray(v) ? v : [];
}
