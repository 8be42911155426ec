/**
 * Writes a synthetic, deterministic content tree for the benchmarks: schools, honour rolls,
 * collections, teachers and Chinese stories of 1,500–2,500 characters, in the same layout as
 * `content/`. Everything is fictional and `sample: true`.
 *
 *   npm exec -- node scripts/bench/generate-corpus.ts --stories 1000 --out /tmp/yw-corpus-1000
 *
 * Options: `--stories N` (required), `--out DIR` (required; must not be inside content/),
 * `--seed S` (default 1), `--images-every K` (default 10: one story in K has its own cover and
 * a body figure, one teacher in K a portrait).
 *
 * Images: every story needs a cover (the schema requires one). One story in ten carries its own
 * photographs (cover + one figure), like the stories the bureau illustrates; the others use one of
 * a few standard covers in `shared/`, so the image pipeline sees realistic work, not 10,000 covers.
 *
 * The same arguments always write the same bytes (seeded PRNG, fixed dates, deterministic JPEG
 * encoding), so a benchmark can be repeated and compared.
 */
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { stringify } from 'yaml';
import { pinyin } from 'pinyin-pro';
import { suggestSlug } from '../../src/lib/pinyin.ts';

// ---------------------------------------------------------------------------------------------
// Seeded randomness

/** mulberry32: small, fast, good enough for picking words. */
export function createRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  return { next, int, pick };
}
type Random = ReturnType<typeof createRandom>;

// ---------------------------------------------------------------------------------------------
// Vocabulary (all invented; no real person, school or place)

// prettier-ignore
const FAMILY = ['林', '陈', '周', '吴', '郑', '王', '李', '赵', '孙', '钱', '何', '罗', '高', '梁', '宋', '谢', '韩', '冯', '邓', '曹', '彭', '曾', '萧', '田', '董', '潘', '袁', '蔡', '蒋', '余', '杜', '叶', '苏', '魏', '吕', '丁', '沈', '姜', '范', '傅', '钟', '卢', '汪', '戴', '崔', '任', '陆', '廖', '姚', '方', '金', '邱', '夏', '谭', '石', '贾', '邹', '孟', '秦', '白'];
// prettier-ignore
const GIVEN = ['秋云', '春生', '晓岚', '立平', '若竹', '青禾', '慧珍', '振山', '建国', '一帆', '小满', '文静', '明远', '思齐', '雨桐', '海燕', '德清', '向阳', '书琴', '志宏', '晓梅', '家和', '锦程', '兰芳', '子衿', '国栋', '玉洁', '长林', '雪松', '佩琳', '守仁', '丽娟', '宏伟', '晨曦', '冬梅', '安平', '学文', '芳华', '世杰', '静宜', '嘉禾', '新民', '桂英', '永康', '秀兰', '敏', '军', '华', '燕', '涛', '颖', '磊', '红', '勇', '琳'];
/** Real people named in the seed; a synthetic teacher never takes their names. */
const REAL_NAMES = new Set(['唐浩瑛', '程嗣武', '熊薇']);

const COUNTY = ['云岭', '青川', '溪口', '松阳', '石门', '桐江', '白沙', '南岭', '柳塘', '清河', '梅岭', '枫桥'];
// prettier-ignore
const VILLAGE = ['上岚', '下坪', '竹溪', '石坝', '茶岭', '杉木坳', '桃源', '水口', '龙井', '花桥', '枫树湾', '大坪'];
const SCHOOL_KIND = [
  ['小学', '小学'],
  ['中心小学', '小学'],
  ['初级中学', '初中'],
  ['中学', '高中'],
  ['职业学校', '中职'],
  ['特殊教育学校', '特殊教育'],
] as const;
const SUBJECTS: Record<string, readonly string[]> = {
  小学: ['语文', '数学', '英语', '科学', '音乐', '美术', '体育'],
  初中: ['语文', '数学', '英语', '物理', '化学', '历史', '地理', '生物'],
  高中: ['语文', '数学', '英语', '物理', '化学', '生物', '政治', '历史'],
  中职: ['机械加工', '汽车维修', '电子技术', '烹饪', '护理', '计算机应用'],
  特殊教育: ['生活适应', '康复训练', '沟通与交往', '唱游与律动'],
};
const JOB_TITLES = ['二级教师', '一级教师', '高级教师', '正高级教师'];
// prettier-ignore
const THEMES = ['师德', '乡村教育', '特殊教育', '班主任', '教学改革', '家校共育', '职业教育', '阅读推广', '心理健康', '劳动教育', '科技创新', '青年教师'];
const HONOUR_TITLES = ['优秀教师', '优秀教育工作者', '师德标兵', '学科骨干教师', '学科带头人', '优秀班主任'];
// prettier-ignore
const TITLE_HEAD = ['山里的', '讲台上的', '灯下的', '操场边的', '教室里的', '窗前的', '路上的', '雪地里的', '课本里的', '田埂上的', '车间里的', '黑板前的'];
// prettier-ignore
const TITLE_TAIL = ['灯', '歌声', '粉笔', '背影', '书箱', '脚印', '春天', '约定', '回信', '种子', '钟声', '小路', '花开', '守望'];
// prettier-ignore
const HEADINGS = ['一间屋子，三个年级', '书箱走过的路', '把每个名字念对', '慢一点，再慢一点', '走进学生的家', '一张课表', '从头学起', '灯还亮着', '不放弃任何一个', '教室之外', '同事眼里的她', '学生的来信', '二十年后', '一次家访', '新的开始', '手把手', '讲台上的第一课', '雨天的路'];

/** Sentences with slots: {n} name, {s} school, {c} county, {v} village, {y} year, {k} subject. */
const SENTENCES = [
  '{y}年秋天，{n}从师范学校毕业，分到{c}县{v}村的教学点。',
  '那时{v}还不通公路，{n}搭着送粮的拖拉机走到半路，剩下的山路是村里人帮着挑行李走完的。',
  '教学点只有一间教室，十几个学生分属三个年级，{n}给一年级讲拼音，转身又给三年级讲课文。',
  '{n}把一张白纸折成三栏，一栏一个年级，一分钟一分钟地排：谁先听讲，谁做作业，谁来当小老师。',
  '山里冬天天黑得早，有几个孩子家离得远，{n}干脆把他们留在教室里写完作业，再打着手电一个个送回去。',
  '家长们过意不去，轮流送来腌菜和笋干，{n}收下笋干，转头就给孩子们煮了一锅面。',
  '在{s}，学生们都知道，{k}课上{n}从不急着给答案，只问一句：“你是怎么想的？”',
  '起初孩子们讲不出来，讲出来的也只有一句话。{n}不催，慢慢地，一句话变成了一段话。',
  '{n}的备课本写得密密麻麻，每一页的边上都记着哪个学生哪里没听懂，第二天再换一个法子讲。',
  '同事们说，{n}办公室的灯总是全校最后一个熄的。',
  '有一年，班上一个孩子的父母外出打工，孩子变得不爱说话，{n}每天放学后陪他在操场上走一圈。',
  '那个孩子后来考上了师范，毕业时给{n}写了一封长信，说自己也想当一名老师。',
  '{y}年，{s}开始试行新的课程方案，{n}第一个报名，带着几位年轻教师一起磨课。',
  '一节四十分钟的课，{n}常常要试讲五六遍，每一遍都请同事坐在后排挑毛病。',
  '{n}常说，教书不是把书上的字搬进学生的脑子里，而是让他们自己愿意去翻下一页。',
  '在{c}县，{n}的名字很多家长都知道，不是因为荣誉，而是因为那一次次的家访。',
  '{n}的自行车后座上总绑着一只旧书包，里面装着作业本、体温计和一小袋水果糖。',
  '雨天路滑，{n}就把裤腿卷到膝盖，一步一步踩着石头过河。',
  '学校的图书角是{n}一本一本攒起来的，后来县图书馆也送来了几箱新书。',
  '每周三下午，{n}都会把学生带到校园后面的菜地里，教他们认识庄稼，也教他们计算收成。',
  '{n}把学生的每一篇作文都留着，十几年下来，攒了满满两柜子。',
  '有人问{n}为什么不调到城里的学校，{n}笑着说：“这里的孩子也需要好老师。”',
  '毕业多年的学生回到{s}，第一件事就是去看看{n}的教室还在不在。',
  '{n}的课堂上总是很安静，但不是那种紧张的安静，而是大家都在认真想问题的安静。',
  '校长回忆，{y}年学校缺{k}老师，{n}二话没说就接下了两个班的课。',
  '那几年，{n}的嗓子一直是哑的，办公桌的抽屉里常备着一罐胖大海。',
  '{n}还记得第一次站上讲台时的紧张，手里的粉笔断了三次。',
  '为了讲清楚一个实验，{n}自己动手做了一套教具，用的是旧饮料瓶和废弃的电线。',
  '学生们给{n}起了个外号，叫“慢老师”，因为{n}讲题从来不赶，一定要等最后一个人听懂。',
  '{n}说，每个孩子心里都有一盏灯，老师要做的，是帮他们把灯点亮。',
  '寒假里，{n}挨家挨户地走访了全班四十多个学生的家，记了厚厚一本笔记。',
  '在{n}的带动下，{s}的青年教师成立了读书会，每月读一本书，写一篇心得。',
  '{n}把自己的教学经验整理成册，送给每一位新来的年轻教师。',
  '{y}年的一场大雪封了山路，{n}在学校里守了整整一个星期，和寄宿的孩子们一起过了元旦。',
  '孩子们说，看见{n}办公室的窗户亮着，心里就踏实了。',
  '家长会上，{n}从不念分数，而是一个一个地讲每个孩子这学期的变化。',
  '{n}的教案本已经用坏了十几本，最早的一本纸页都发黄了。',
  '课间，{n}常常和学生们一起跳绳、踢毽子，笑声能传到校门口。',
  '有个学生因为家里困难想要退学，{n}连着去了他家五趟，终于把他劝回了课堂。',
  '多年以后，那个学生成了{c}县一名技术员，每年教师节都会给{n}打一个电话。',
  '{n}在{s}教了二十多年{k}，送走了一届又一届学生。',
  '{n}相信，慢一点没有关系，重要的是每个孩子都在往前走。',
  '每天早上七点，{n}已经站在校门口，笑着和每一个走进校园的学生打招呼。',
  '有一次上公开课，多媒体设备突然出了故障，{n}拿起粉笔，照样把一节课讲得有声有色。',
  '{n}的办公桌上放着一个小本子，上面记着每个学生的生日。',
  '在同事们眼里，{n}是一个“较真”的人，一道题的讲法要反复推敲，一个字的笔顺也不放过。',
];
const QUOTES = [
  '孩子们走多远的山路，我就陪他们走多远。',
  '教书这件事，急不得，也等不得。',
  '每个孩子都值得被认真对待。',
  '讲台不高，可站上去就得对得起下面的每一双眼睛。',
  '我只是做了一个老师该做的事。',
  '灯亮着，孩子们就知道老师还在。',
];
const ASIDES: readonly (readonly [string, string])[] = [
  ['小资料', '复式教学是指一位教师在同一间教室里，同时给两个或两个以上年级的学生上课的教学形式，多见于学生人数较少的乡村教学点。'],
  ['小资料', '送教上门是为不能到校的残疾儿童提供的教育服务，教师定期到学生家中上课，并指导家长开展康复训练。'],
  ['背景', '教学点是设在村里的小规模学校，一般只开设低年级，学生读到高年级再转到中心小学。'],
];

// ---------------------------------------------------------------------------------------------
// Content

export interface School {
  id: string;
  name: string;
  district: string;
  stage: string;
}
export interface Teacher {
  slug: string;
  name: string;
  school: School;
  subject: string;
  honours: { year: number; title: string; level: string; awardedBy: string }[];
  portrait: boolean;
}
interface Story {
  slug: string;
  title: string;
  teachers: Teacher[];
  published: string;
  images: boolean;
  themes: string[];
}

/** A real calendar date between 2012 and 2025, as `YYYY-MM-DD`. */
function dateBetween(random: Random, fromYear: number, toYear: number): string {
  const year = random.int(fromYear, toYear);
  const month = random.int(1, 12);
  const day = random.int(1, 28);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function makeSchools(count: number, random: Random): School[] {
  const schools: School[] = [];
  const names = new Set<string>();
  for (let attempt = 0; schools.length < count; attempt++) {
    const county = random.pick(COUNTY);
    const place = random.pick(VILLAGE);
    const [kind, stage] = random.pick(SCHOOL_KIND);
    // Past a few hundred schools the name combinations run out: number the campuses.
    const campus = attempt > count * 4 ? `第${schools.length}校区` : '';
    const name = `${county}县${place}${kind}${campus}`;
    if (names.has(name)) continue;
    names.add(name);
    const id = suggestSlug(`${county}${place}${kind}`) + (campus ? `-${schools.length}` : '');
    schools.push({ id, name, district: `${county}县`, stage });
  }
  return schools;
}

export function makeTeachers(count: number, schools: readonly School[], imagesEvery: number, random: Random): Teacher[] {
  const teachers: Teacher[] = [];
  const slugs = new Set<string>();
  // The content check takes the same name at the same school for a copied profile.
  const people = new Set<string>();
  while (teachers.length < count) {
    const name = random.pick(FAMILY) + random.pick(GIVEN);
    if (REAL_NAMES.has(name)) continue;
    const school = random.pick(schools);
    if (people.has(`${name}@${school.id}`)) continue;
    people.add(`${name}@${school.id}`);
    const base = suggestSlug(name, { personalName: true });
    let slug = base;
    for (let k = 2; slugs.has(slug); k++) slug = `${base}-${k}`;
    slugs.add(slug);
    const honours = Array.from({ length: random.int(0, 3) }, () => ({
      year: random.int(2010, 2024),
      title: `${school.district}${random.pick(HONOUR_TITLES)}`,
      level: '县区级',
      awardedBy: `${school.district}教育局`,
    }));
    teachers.push({
      slug,
      name,
      school,
      subject: random.pick(SUBJECTS[school.stage] ?? SUBJECTS['小学'] ?? []),
      honours,
      portrait: teachers.length % imagesEvery === 0,
    });
  }
  return teachers;
}

function fill(template: string, teacher: Teacher, random: Random): string {
  return template
    .replaceAll('{n}', teacher.name)
    .replaceAll('{s}', teacher.school.name)
    .replaceAll('{c}', teacher.school.district.replace(/县$/, ''))
    .replaceAll('{v}', random.pick(VILLAGE))
    .replaceAll('{y}', String(random.int(1990, 2022)))
    .replaceAll('{k}', teacher.subject);
}

function paragraph(teacher: Teacher, random: Random): string {
  return Array.from({ length: random.int(3, 5) }, () => fill(random.pick(SENTENCES), teacher, random)).join('');
}

/**
 * The MDX body of a story: sections of paragraphs, with the occasional component, written
 * sentence by sentence until the text reaches a length drawn between 1,500 and 2,440 characters
 * as the site counts them (a sentence is under 60, so every body ends within 1,500–2,500).
 */
function storyBody(story: Story, random: Random): string {
  const teacher = story.teachers[0] as Teacher;
  const target = random.int(1500, 2440);
  const blocks: string[] = [];
  let length = 0;
  const add = (block: string, counted = block) => {
    blocks.push(block);
    length += countCharacters(counted);
  };
  const addParagraph = () => {
    const sentences: string[] = [];
    for (let k = random.int(3, 5); k > 0 && length + countCharacters(sentences.join('')) < target; k--)
      sentences.push(fill(random.pick(SENTENCES), teacher, random));
    if (sentences.length) add(sentences.join(''));
  };
  addParagraph();
  addParagraph();
  const headings = [...HEADINGS];
  while (length < target) {
    const heading = headings.splice(random.int(0, headings.length - 1), 1)[0] ?? '后记';
    add(`## ${heading}`, heading);
    for (let p = random.int(2, 3); p > 0 && length < target; p--) addParagraph();
    if (story.images && blocks.length >= 5 && !blocks.some((b) => b.startsWith('<Figure'))) {
      const caption = `${teacher.school.name}（示意插图）`;
      add(
        `<Figure src="./photo-1.jpg" alt="插图：${teacher.name}所在学校的校园一角，远处是青色的山。" caption="${caption}" credit="仰望基准测试 生成插图" />`,
        caption,
      );
    }
    if (length >= target - 100) break;
    const extra = random.next();
    if (extra < 0.15) {
      const quote = random.pick(QUOTES);
      add(`<PullQuote cite="${teacher.name}">${quote}</PullQuote>`, quote);
    } else if (extra < 0.22) {
      const [title, text] = random.pick(ASIDES);
      add(`<Aside title="${title}">${text}</Aside>`, title + text);
    } else if (extra < 0.27) {
      const start = random.int(1988, 2005);
      const events = [`师范毕业，到${teacher.school.name}任教`, `担任${teacher.subject}教研组长`, `获评${teacher.school.district}优秀教师`];
      const years = [start, start + random.int(5, 10), start + random.int(12, 18)];
      add(['<Timeline>', ...events.map((e, k) => `  <Event date="${years[k]}">${e}</Event>`), '</Timeline>'].join('\n'), events.join(''));
    }
  }
  return `${blocks.join('\n\n')}\n`;
}

/** Characters as the site counts them (reading time): Han characters plus Latin words and numbers. */
function countCharacters(text: string): number {
  return (text.match(/\p{Script=Han}/gu)?.length ?? 0) + (text.replace(/\p{Script=Han}/gu, ' ').match(/[A-Za-z0-9]+/g)?.length ?? 0);
}

function frontmatter(data: Record<string, unknown>): string {
  return `---\n${stringify(data, { lineWidth: 0 })}---\n`;
}

// ---------------------------------------------------------------------------------------------
// Images: soft gradients with hills, encoded deterministically by sharp

async function writeImage(file: string, width: number, height: number, random: Random): Promise<void> {
  const hue = random.int(0, 360);
  const sky = `hsl(${hue},45%,${random.int(55, 75)}%)`;
  const hill = (k: number) => `hsl(${(hue + 120) % 360},${30 + k * 5}%,${60 - k * 12}%)`;
  const ridges = [0, 1, 2]
    .map((k) => {
      const base = height * (0.55 + k * 0.13);
      const points = Array.from(
        { length: 9 },
        (_, i) => `${Math.round((i / 8) * width)},${Math.round(base - random.int(0, height * 0.12))}`,
      );
      return `<polygon fill="${hill(k)}" points="0,${height} ${points.join(' ')} ${width},${height}"/>`;
    })
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${sky}"/><stop offset="1" stop-color="#fdf6e3"/></linearGradient></defs><rect width="${width}" height="${height}" fill="url(#g)"/><circle cx="${random.int(100, width - 100)}" cy="${Math.round(height * 0.25)}" r="${Math.round(height * 0.08)}" fill="#fff7d6"/>${ridges}</svg>`;
  // Grain makes the JPEG weigh what a photograph of that size weighs.
  await sharp(Buffer.from(svg))
    .composite([{ input: await getGrain(width, height), raw: { width, height, channels: 3 }, blend: 'soft-light' }])
    .removeAlpha()
    .jpeg({ quality: 80, mozjpeg: true })
    .toFile(file);
}

const grains = new Map<string, Buffer>();
/** Gaussian grain of a size, made once (sharp's noise is seeded, so it is the same every run). */
async function getGrain(width: number, height: number): Promise<Buffer> {
  const key = `${width}x${height}`;
  let grain = grains.get(key);
  if (!grain) {
    grain = await sharp({
      create: { width, height, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 16 } },
    })
      .raw()
      .toBuffer();
    grains.set(key, grain);
  }
  return grain;
}

// ---------------------------------------------------------------------------------------------
// Writing the tree

export interface CorpusOptions {
  stories: number;
  out: string;
  seed?: number;
  imagesEvery?: number;
}

export async function generateCorpus({
  stories: storyCount,
  out,
  seed = 1,
  imagesEvery = 10,
}: CorpusOptions): Promise<{ stories: number; teachers: number; schools: number; images: number }> {
  const root = resolve(out);
  assertOutsideContent(root);
  await rm(root, { recursive: true, force: true });
  await mkdir(root, { recursive: true });
  const random = createRandom(seed);

  const schools = makeSchools(Math.max(6, Math.ceil(storyCount / 25)), random);
  const teachers = makeTeachers(Math.max(3, Math.ceil(storyCount / 2)), schools, imagesEvery, random);
  let images = 0;

  await writeFile(
    join(root, 'schools.yaml'),
    `# 基准测试用的虚构学校。\n${stringify(
      schools.map((s) => ({ id: s.id, name: s.name, district: s.district, stages: [s.stage], sample: true })),
      { lineWidth: 0 },
    )}`,
  );

  // A few standard covers shared by the stories without their own photographs.
  const SHARED = 6;
  await mkdir(join(root, 'shared'), { recursive: true });
  for (let i = 0; i < SHARED; i++) {
    await writeImage(join(root, 'shared', `cover-${i}.jpg`), 1600, 900, random);
    images++;
  }

  for (const teacher of teachers) {
    const dir = join(root, 'teachers', teacher.slug);
    await mkdir(dir, { recursive: true });
    if (teacher.portrait) {
      await writeImage(join(dir, 'portrait.jpg'), 800, 1000, random);
      images++;
    }
    const data: Record<string, unknown> = {
      name: teacher.name,
      pinyin: pinyin(teacher.name, { type: 'array', surname: 'head' }).reduce(
        (acc, syllable, i) => (i === 0 ? capitalise(syllable) : i === 1 ? `${acc} ${capitalise(syllable)}` : acc + syllable),
        '',
      ),
      school: teacher.school.id,
      subject: teacher.subject,
      stage: teacher.school.stage,
      jobTitle: random.pick(JOB_TITLES),
      honours: teacher.honours,
      ...(teacher.portrait
        ? {
            portrait: {
              src: './portrait.jpg',
              alt: `象征插图，不是本人肖像：${teacher.school.name}附近的青山。`,
              credit: '仰望基准测试 生成插图',
            },
          }
        : {}),
      sample: true,
    };
    const body = `${teacher.name}，${teacher.school.name}${teacher.subject}教师。${paragraph(teacher, random)}\n\n${paragraph(teacher, random)}\n`;
    await writeFile(join(dir, 'index.mdx'), frontmatter(data) + body);
  }

  const stories: Story[] = [];
  const slugs = new Set<string>();
  // The content check refuses two stories with the same title about the same teacher (a copy).
  const titled = new Set<string>();
  for (let i = 0; i < storyCount; i++) {
    const lead = teachers[i % teachers.length] as Teacher;
    let title = random.pick(TITLE_HEAD) + random.pick(TITLE_TAIL);
    while (titled.has(`${title} ${lead.slug}`)) title = random.pick(TITLE_HEAD) + random.pick(TITLE_TAIL);
    titled.add(`${title} ${lead.slug}`);
    const base = suggestSlug(title);
    let slug = base;
    for (let k = 2; slugs.has(slug); k++) slug = `${base}-${k}`;
    slugs.add(slug);
    const second = random.next() < 0.1 ? random.pick(teachers) : undefined;
    stories.push({
      slug,
      title,
      teachers: second && second !== lead ? [lead, second] : [lead],
      published: dateBetween(random, 2012, 2025),
      images: i % imagesEvery === 0,
      themes: [...new Set([random.pick(THEMES), random.pick(THEMES)])],
    });
  }

  for (const story of stories) {
    const dir = join(root, 'stories', story.slug);
    await mkdir(dir, { recursive: true });
    const lead = story.teachers[0] as Teacher;
    if (story.images) {
      await writeImage(join(dir, 'cover.jpg'), 1600, 900, random);
      await writeImage(join(dir, 'photo-1.jpg'), 1200, 800, random);
      images += 2;
    }
    const body = storyBody(story, random);
    const data = {
      title: story.title,
      subtitle: `记${lead.school.name}教师${lead.name}`,
      teachers: story.teachers.map((t) => t.slug),
      writer: `仰望编辑部 ${random.pick(FAMILY)}${random.pick(GIVEN)}`,
      published: story.published,
      summary: `${fill(random.pick(SENTENCES), lead, random)}${fill(random.pick(SENTENCES), lead, random)}`,
      cover: {
        src: story.images ? './cover.jpg' : `../../shared/cover-${random.int(0, SHARED - 1)}.jpg`,
        alt: `插图：${lead.school.name}附近的山和天空。`,
        credit: '仰望基准测试 生成插图',
        licence: 'CC BY-NC-ND 4.0',
      },
      themes: story.themes,
      sample: true,
    };
    await writeFile(join(dir, 'index.mdx'), frontmatter(data) + body);
  }

  // Honour rolls: one file a year, naming a few teachers who have profiles.
  await mkdir(join(root, 'honours'), { recursive: true });
  for (let year = 2019; year <= 2024; year++) {
    const awards = HONOUR_TITLES.slice(0, 4).map((title, k) => {
      const named = Array.from({ length: Math.min(teachers.length, random.int(3, 12)) }, () => random.pick(teachers).slug);
      const recipients = [...new Set(named)].map((teacher) => ({ teacher }));
      return {
        id: `award-${k + 1}`,
        title,
        level: '市级',
        awardedBy: '市教育体育局',
        date: `${year}-09-0${k + 1}`,
        count: recipients.length + random.int(0, 40),
        recipients,
      };
    });
    await writeFile(
      join(root, 'honours', `${year}.yaml`),
      stringify({ year, source: `市教育体育局${year}年度表彰名单（基准测试虚构）`, awards, sample: true }, { lineWidth: 0 }),
    );
  }

  // Collections: one volume a year of up to 30 chapters.
  await mkdir(join(root, 'collections'), { recursive: true });
  const byYear = new Map<number, Story[]>();
  for (const story of stories) {
    const year = Number(story.published.slice(0, 4));
    byYear.set(year, [...(byYear.get(year) ?? []), story]);
  }
  for (const [year, list] of [...byYear].sort(([a], [b]) => a - b)) {
    const chapters = list.slice(0, 30).map((s) => s.slug);
    await writeFile(
      join(root, 'collections', `yangwang-${year}.yaml`),
      stringify(
        {
          title: `仰望（${year}）`,
          subtitle: '优秀教师先进事迹报告集（基准测试）',
          year,
          editor: '市教育体育局',
          publisher: '市教育体育局',
          description: `${year}年的示例篇章汇编，用于基准测试，内容均为虚构。`,
          chapters,
          sample: true,
        },
        { lineWidth: 0 },
      ),
    );
  }

  return { stories: stories.length, teachers: teachers.length, schools: schools.length, images };
}

/** Throws unless `dir` is outside the site's `content/` (the generator empties its output folder). */
export function assertOutsideContent(dir: string, content = resolve('content')): void {
  const rel = relative(content, resolve(dir));
  if (rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))) throw new Error(`拒绝写入 ${resolve(dir)}：基准测试语料不能写进 content/`);
}

function capitalise(syllable: string): string {
  return syllable.charAt(0).toUpperCase() + syllable.slice(1);
}

// ---------------------------------------------------------------------------------------------
// Command line

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      stories: { type: 'string' },
      out: { type: 'string' },
      seed: { type: 'string', default: '1' },
      'images-every': { type: 'string', default: '10' },
    },
  });
  const stories = Number(values.stories);
  if (!Number.isInteger(stories) || stories < 1 || !values.out) {
    console.error('用法：node scripts/bench/generate-corpus.ts --stories N --out DIR [--seed S] [--images-every K]');
    process.exit(2);
  }
  const started = performance.now();
  const result = await generateCorpus({ stories, out: values.out, seed: Number(values.seed), imagesEvery: Number(values['images-every']) });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `${values.out}: ${result.stories} stories, ${result.teachers} teachers, ${result.schools} schools, ${result.images} images (${seconds} s)`,
  );
  if (!existsSync(join(values.out, 'stories'))) process.exit(1);
}
