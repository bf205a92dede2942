/**
 * The document Plot draws into. In Node there is no DOM; linkedom gives Plot one that is fast to
 * create and serialises to the same markup a browser would, so charts are drawn once, when the
 * report is written, and the page needs no script to show them.
 */
import type { PlotOptions } from '@observablehq/plot';
import { parseHTML } from 'linkedom';

type PlotDocument = NonNullable<PlotOptions['document']>;

let shared: PlotDocument | undefined;

export function plotDocument(): PlotDocument {
  shared ??= parseHTML('<!doctype html><html><head></head><body></body></html>').document as unknown as PlotDocument;
  return shared;
}
