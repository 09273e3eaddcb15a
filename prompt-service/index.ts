/** The prompt service's public face: everything other folders may use. */
export * from './engine.js';
