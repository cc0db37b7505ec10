import { createRequire } from 'node:module';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';

const require = createRequire(import.meta.url);
// pdfmake's server build: CommonJS, fonts from its own folder, no file or URL access from documents.
const pdfmake = require('pdfmake') as {
  setFonts(f: unknown): void;
  setLocalAccessPolicy(cb: (path: string) => boolean): void;
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  createPdf(doc: TDocumentDefinitions): { getBuffer(): Promise<Buffer> };
};
pdfmake.setFonts(require('pdfmake/fonts/Roboto.js'));
pdfmake.setLocalAccessPolicy((path) => path.includes('pdfmake'));
pdfmake.setUrlAccessPolicy(() => false);

/** A PDF from a pdfmake document (which pdfmake mutates: it gets a copy). */
export const renderPdf = (doc: TDocumentDefinitions): Promise<Buffer> =>
  pdfmake.createPdf(structuredClone(doc)).getBuffer();
