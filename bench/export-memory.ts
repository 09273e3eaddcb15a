import { stat } from 'node:fs/promises';
import path from 'node:path';
import { getHeapStatistics } from 'node:v8';
import sharp from 'sharp';
import { createExport, getExport, saveImage } from '../gallery/index.js';
import { startAtelier } from '../gateway/system.js';
import { loadConfig } from '../shared/config.js';
import { newId } from '../shared/ids.js';
import { createLogger } from '../shared/logger.js';
import { benchServices } from './services.js';

/**
 * `npm run bench:export [-- --images 1000 --side 256 --formats zip,pdf,webp,jpg]`: memory of the
 * gallery's exports (gallery/exports/export-memory.test.ts runs it for the zip under a heap cap).
 * Atelier runs in this process (gateway and workers, as `npm start`), its user has `--images`
 * noisy PNGs of `--side` px (≈ 190 KB each at 256 px: a thousand are ≈ 190 MB, so an export
 * that held its images would show it), and each format is exported in turn while
 * `process.memoryUsage()` is sampled every 20 ms. Printed: the peak RSS and heap during each
 * export, and how far each rose above the idle process's.
 * Run with `NODE_OPTIONS=--max-old-space-size=N` to prove a bound on the heap.
 */

const option = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : Number(process.argv[index + 1]);
};
const IMAGES = option('images', 1000);
const FORMATS_ARG = process.argv.indexOf('--formats');
const FORMATS = (FORMATS_ARG === -1 ? 'zip,pdf,webp,jpg' : (process.argv[FORMATS_ARG + 1] ?? '')).split(',');
const SIDE = option('side', 256);
const MB = 1024 * 1024;

async function main(): Promise<void> {
  const services = await benchServices();
  const config = loadConfig({ PATH: process.env.PATH ?? '', ...services.env, EXPORT_MAX_IMAGES: String(Math.max(IMAGES, 1)) });
  const atelier = await startAtelier(config, createLogger({ level: 'warn' }), { version: 'bench', recovery: false });
  const { ctx } = atelier;
  try {
    const userId = newId();
    let stored = 0;
    for (let index = 0; index < IMAGES; index += 1) {
      const data = await sharp({ create: { width: SIDE, height: SIDE, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } } })
        .png()
        .toBuffer();
      const id = newId();
      const file = await ctx.storage.put({ imageId: id, userId, data, format: 'png' });
      stored += file.bytes;
      await saveImage({
        ctx: ctx.gallery,
        input: {
          id,
          userId,
          prompt: `noise ${index}`,
          provider: 'bench',
          width: SIDE,
          height: SIDE,
          format: 'png',
          bytes: file.bytes,
          url: file.url,
          storage: ctx.storage.kind,
          storageKey: file.key,
        },
      });
    }
    global.gc?.();
    const idle = process.memoryUsage();
    console.log(`${services.describe}; ${IMAGES} images of ${SIDE}×${SIDE} px, ${(stored / MB).toFixed(0)} MB stored`);
    console.log(`idle: rss ${(idle.rss / MB).toFixed(0)} MB, heap ${(idle.heapUsed / MB).toFixed(0)} MB; heap limit ${(getHeapStatistics().heap_size_limit / MB).toFixed(0)} MB`);
    console.log('format      time    file      peak rss (+idle)   peak heap (+idle)   peak external+buffers');

    const runs = ([['zip', null], ['pdf', null], ['webp', 128], ['jpg', null]] as const).filter(([format]) => FORMATS.includes(format));
    for (const [format, size] of runs) {
      let peak = { rss: 0, heapUsed: 0, external: 0 };
      const sample = () => {
        const now = process.memoryUsage();
        peak = { rss: Math.max(peak.rss, now.rss), heapUsed: Math.max(peak.heapUsed, now.heapUsed), external: Math.max(peak.external, now.external + now.arrayBuffers) };
      };
      const sampler = setInterval(sample, 20);
      const started = performance.now();
      const row = await createExport({ ctx: ctx.exports, input: { userId, filter: {}, format, ...(size !== null && { size }) } });
      let read = row;
      // A bench polls (every 50 ms); the tests wait for the realtime event instead.
      while (read.status === 'queued' || read.status === 'running') {
        await new Promise((resolve) => setTimeout(resolve, 50));
        read = await getExport({ ctx: ctx.exports, input: { userId, id: row.id } });
      }
      clearInterval(sampler);
      sample();
      const seconds = (performance.now() - started) / 1000;
      if (read.status !== 'done' || !read.fileKey) throw new Error(`export ${format} ended ${read.status}: ${read.error}`);
      const bytes = (await stat(path.join(ctx.mediaDir, read.fileKey))).size;
      console.log(
        `${format.padEnd(6)} ${seconds.toFixed(1).padStart(7)} s ${(bytes / MB).toFixed(0).padStart(5)} MB   ` +
          `${(peak.rss / MB).toFixed(0).padStart(5)} MB (+${((peak.rss - idle.rss) / MB).toFixed(0)})   ` +
          `${(peak.heapUsed / MB).toFixed(0).padStart(6)} MB (+${((peak.heapUsed - idle.heapUsed) / MB).toFixed(0)})   ` +
          `${(peak.external / MB).toFixed(0).padStart(8)} MB`,
      );
      global.gc?.();
    }
  } finally {
    await atelier.stop();
    await services.cleanup();
  }
}

await main();
