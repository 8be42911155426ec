/**
 * Rules for images that a schema cannot express: size limits and alt text that describes the
 * picture. Pure: numbers and strings in, messages out.
 */

/**
 * Limits for one image file. Originals are kept in the repository and offered for download, and
 * every build resizes them: a phone photo (4032 × 3024, 2–4 MB) fits; a 48-megapixel original or
 * an uncompressed scan does not and must be scaled down first. 4096 px on the long side is more
 * than the widest size the site shows (1200 px at 2× for covers).
 */
export const IMAGE_LIMITS = {
  /** Largest file, in bytes (4 MB). */
  maxBytes: 4 * 1024 * 1024,
  /** Longest side, in pixels. */
  maxSide: 4096,
} as const;

export interface ImageLimits {
  maxBytes: number;
  maxSide: number;
}

/** Problems with an image's size, in Chinese; empty when it is within the limits. */
export function checkImageSize(size: { bytes: number; width: number; height: number }, limits: ImageLimits = IMAGE_LIMITS): string[] {
  const messages: string[] = [];
  if (size.bytes > limits.maxBytes) {
    messages.push(
      `图片文件太大：${formatMegabytes(size.bytes)}，上限是 ${formatMegabytes(limits.maxBytes)}；请压缩或缩小后再放入（见编辑指南“图片”一节）`,
    );
  }
  const side = Math.max(size.width, size.height);
  if (side > limits.maxSide) {
    messages.push(`图片尺寸太大：${size.width} × ${size.height} 像素，长边不能超过 ${limits.maxSide} 像素；请缩小后再放入`);
  }
  return messages;
}

function formatMegabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const GENERIC_ALT =
  /^(?:图片?|照片|相片|图像|插图|配图|封面|题图|头像|肖像|截图|image|img|photo|picture|pic|cover|portrait)\s*[\d一二三四五六七八九十]*$/i;
const FILE_NAME = /\.(?:jpe?g|png|webp|avif|gif|heic)$/i;

/** A message when alt text says nothing about the picture (“照片”, a file name), else undefined. */
export function checkAltText(alt: string): string | undefined {
  const value = alt.trim();
  if (GENERIC_ALT.test(value) || FILE_NAME.test(value)) {
    return `替代文字 “${value}” 没有描述画面：请用一句话写出图上有什么，例如“林老师在教室里给学生批改作业”`;
  }
  return undefined;
}

/** File extensions the image pipeline takes. */
export const IMAGE_EXTENSIONS = ['.jpg', '.jpeg', '.png', '.webp', '.avif'] as const;

/** True for a file name the site can use as an image. */
export function isImageFile(name: string): boolean {
  const lower = name.toLowerCase();
  return IMAGE_EXTENSIONS.some((ext) => lower.endsWith(ext));
}
