/**
 * A year's honour roll (`/honours/<year>/`): the roll's fields, each award with its recipients
 * resolved to the names and schools the page shows, and the search facets.
 */
import { getHonourYears, type HonourYear } from '../honours.ts';
import { getSchoolMap } from '../schools.ts';
import { getHonourYearSearchFacets, type SearchFacets } from '../search.ts';
import { getTeacher } from '../teachers.ts';
import { toStaticPath } from './static-paths.ts';

type Award = HonourYear['data']['awards'][number];

/** A recipient as the roll shows them: a teacher with a profile, or a name (with a school page). */
export type HonourRecipient =
  | { teacher: { id: string; name: string; school: string | undefined } }
  | { name: string; school: { id: string; name: string } | undefined };

export interface HonourAward extends Omit<Award, 'recipients'> {
  recipients: HonourRecipient[];
}

export interface HonourYearRoute {
  id: string;
  year: number;
  source: string;
  sample: boolean;
  /** The page's title, also the search result's. */
  title: string;
  awards: HonourAward[];
  facets: SearchFacets;
}

/** The route data of one year's roll. */
export async function getHonourYearRoute(roll: HonourYear): Promise<HonourYearRoute> {
  const schools = await getSchoolMap();
  const title = `${roll.data.year} 年表彰`;
  const awards = await Promise.all(
    roll.data.awards.map(async ({ recipients, ...award }): Promise<HonourAward> => ({
      ...award,
      recipients: await Promise.all(
        recipients.map(async (r): Promise<HonourRecipient> => {
          if ('teacher' in r) {
            const teacher = await getTeacher(r.teacher.id);
            const school = teacher ? schools.get(teacher.data.school.id) : undefined;
            return { teacher: { id: r.teacher.id, name: teacher?.data.name ?? r.teacher.id, school: school?.data.name } };
          }
          const school = r.school ? schools.get(r.school.id) : undefined;
          return { name: r.name, school: school ? { id: school.id, name: school.data.name } : undefined };
        }),
      ),
    })),
  );
  return {
    id: roll.id,
    year: roll.data.year,
    source: roll.data.source,
    sample: roll.data.sample,
    title,
    awards,
    facets: getHonourYearSearchFacets(roll, title),
  };
}

/** `getStaticPaths()` of `/honours/<year>/`. */
export async function getHonourYearPaths() {
  const rolls = await getHonourYears();
  return Promise.all(rolls.map(async (roll) => toStaticPath({ year: roll.id }, await getHonourYearRoute(roll))));
}
