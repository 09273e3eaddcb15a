/** The image service's public face: everything other folders may use. */
export * from './ports.js';
export { createDiskStorage, type DiskStorageOptions } from './storage/disk.js';
