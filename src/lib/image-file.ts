import type { ImageMetadata } from 'astro';

/** The file behind an image Astro has imported (its original, full size). */
export function getImageFile(image: ImageMetadata): string {
  const file = (image as ImageMetadata & { fsPath?: string }).fsPath;
  if (!file) throw new Error(`找不到图片的原始文件：${image.src}`);
  return file;
}
