/**
 * Types for seedrandom's Alea generator imported on its own (`seedrandom/lib/alea.js`): the
 * package's index also loads node:crypto and five other generators, which every engine (the main
 * thread and each worker thread) would load for nothing. @types/seedrandom types only the index.
 */
declare module 'seedrandom/lib/alea.js' {
  import type { PRNG } from 'seedrandom';

  function alea(seed?: string): PRNG;
  export default alea;
}
