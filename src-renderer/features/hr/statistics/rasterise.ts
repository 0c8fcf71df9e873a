/**
 * A chart's SVG (shared/documents/chart-svg.ts) turned into a PNG on the page, for the Word report:
 * Word 2016 and LibreOffice show a picture where they would not show an SVG. The browser draws the
 * SVG as an image onto a canvas — the page has both; a worker has no SVG decoder.
 */
import type { ChartSvg } from '../../../../shared/documents/chart-svg';

/** Refused in words when this window cannot draw pictures (no canvas, the image would not load). */
export class ChartPictureError extends Error {}

export async function svgToPng({ svg, width, height }: ChartSvg): Promise<Uint8Array> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image(width, height);
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new ChartPictureError('图表图片未能生成'));
      image.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new ChartPictureError('图表图片未能生成(本窗口不支持绘图)');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.drawImage(image, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new ChartPictureError('图表图片未能生成');
    return new Uint8Array(await blob.arrayBuffer());
  } finally {
    URL.revokeObjectURL(url);
  }
}
