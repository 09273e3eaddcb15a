import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Queue, QueueEvents, Worker } from 'bullmq';
import { createDiskStorage, createOfflineRenderer } from '../image-service/index.js';
import { createOfflinePromptEngine } from '../prompt-service/index.js';
import { createRedis } from '../shared/connections/redis.js';
import { newId } from '../shared/ids.js';

/**
 * The pipeline baseline: the same engine work (refine, render, write the file) as three raw
 * BullMQ jobs chained by hand, with no message store, no state machine, no events and no
 * gallery. What Atelier takes beyond this is its own overhead.
 */
export interface RawChain {
  /** Run one prompt through the chain; resolves when the last job completes. */
  run(prompt: string, size: number): Promise<void>;
  close(): Promise<void>;
}

export async function startRawChain(redisUrl: string, prefix: string, concurrency: number): Promise<RawChain> {
  const connection = createRedis(redisUrl, () => {});
  const mediaDir = await mkdtemp(path.join(tmpdir(), 'atelier-raw-'));
  const engine = createOfflinePromptEngine();
  const renderer = createOfflineRenderer();
  const storage = createDiskStorage({ mediaDir });
  type Data = { id: string; prompt: string; size: number; refined?: string; url?: string };
  const queues = {
    prompt: new Queue<Data>('raw-prompt', { connection, prefix }),
    image: new Queue<Data>('raw-image', { connection, prefix }),
    finalize: new Queue<Data>('raw-finalize', { connection, prefix }),
  };
  const workers = [
    new Worker<Data>('raw-prompt', async (job) => {
      const refined = await engine.refine({ prompt: job.data.prompt });
      await queues.image.add('image', { ...job.data, refined: refined.refinedPrompt }, { jobId: `${job.data.id}.image` });
    }, { connection, prefix, concurrency }),
    new Worker<Data>('raw-image', async (job) => {
      const prompt = job.data.refined ?? job.data.prompt;
      const image = await renderer.generate({ prompt, caption: prompt, width: job.data.size, height: job.data.size, seed: 1, format: 'png' });
      const stored = await storage.put({ imageId: job.data.id, userId: 'bench', data: image.data, format: 'png' });
      await queues.finalize.add('finalize', { ...job.data, url: stored.key }, { jobId: `${job.data.id}.finalize` });
    }, { connection, prefix, concurrency }),
    new Worker<Data>('raw-finalize', async () => undefined, { connection, prefix, concurrency }),
  ];
  const eventsConnection = createRedis(redisUrl, () => {});
  const events = new QueueEvents('raw-finalize', { connection: eventsConnection, prefix });
  await events.waitUntilReady();
  const waiting = new Map<string, () => void>();
  events.on('completed', ({ jobId }) => waiting.get(jobId)?.());

  return {
    run: (prompt, size) => {
      const id = newId();
      const done = new Promise<void>((resolve) => waiting.set(`${id}.finalize`, resolve));
      return queues.prompt.add('prompt', { id, prompt, size }, { jobId: `${id}.prompt` }).then(() => done);
    },
    close: async () => {
      await Promise.all(workers.map((worker) => worker.close()));
      await events.close();
      await eventsConnection.quit();
      await Promise.all(Object.values(queues).map((queue) => queue.close()));
      await connection.quit();
      await rm(mediaDir, { recursive: true, force: true });
    },
  };
}

/** The engine work alone, inline: the floor under both pipelines. */
export async function engineOnly(prompt: string, size: number, mediaDir: string): Promise<void> {
  const refined = await engineOnlyParts.engine.refine({ prompt });
  const image = await engineOnlyParts.renderer.generate({ prompt: refined.refinedPrompt, caption: refined.refinedPrompt, width: size, height: size, seed: 1, format: 'png' });
  await createDiskStorage({ mediaDir }).put({ imageId: newId(), userId: 'bench', data: image.data, format: 'png' });
}

const engineOnlyParts = { engine: createOfflinePromptEngine(), renderer: createOfflineRenderer() };
