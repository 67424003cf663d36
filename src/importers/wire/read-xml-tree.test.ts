import { describe, expect, it } from 'vitest';
import { childOf, textOf, XmlTreeBuilder, type XmlElement } from './read-xml-tree.js';
import { WireReadError } from './wire-read-error.js';

function build(xml: string, options: { maxRecords?: number; maxTextRun?: number } = {}) {
  const builder = new XmlTreeBuilder({
    onRoot: () => ({ depth: 2, names: new Set(['item']) }),
    maxRecords: options.maxRecords ?? 10,
    maxTextRun: options.maxTextRun,
  });
  builder.write(xml);
  return builder.end();
}

function thrown(action: () => unknown): WireReadError {
  try {
    action();
  } catch (error) {
    if (error instanceof WireReadError) return error;
    throw error;
  }
  throw new Error('nothing was thrown');
}

describe('XmlTreeBuilder', () => {
  it('inherits xml:lang and resolves xml:base against the parent’s', () => {
    const { root } = build(
      '<feed xml:lang="ar" xml:base="https://a.example/ar/"><entry xml:base="world/"><link href="x"/></entry><entry xml:lang="en"/></feed>',
    );
    const [first, second] = root.children as XmlElement[];

    expect([first?.lang, first?.base]).toEqual(['ar', 'https://a.example/ar/world/']);
    expect(childOf(first as XmlElement, 'link')?.base).toBe('https://a.example/ar/world/');
    expect([second?.lang, second?.base]).toEqual(['en', 'https://a.example/ar/']);
  });

  it('keys attributes by local name, or {namespace}local, and leaves out namespace declarations', () => {
    const { root } = build(
      '<r xmlns="urn:a" xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" rdf:about="u" id="1"/>',
    );

    expect([...root.attributes]).toEqual([
      ['{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about', 'u'],
      ['id', '1'],
    ]);
  });

  it('joins text split across writes and CDATA into one text', () => {
    const builder = new XmlTreeBuilder({
      onRoot: () => ({ depth: 0, names: new Set() }),
      maxRecords: 1,
    });
    for (const piece of ['<r>أ', 'ب<![CDATA[ <ت> ]]>', 'ث</r>']) builder.write(piece);

    expect(textOf(builder.end().root)).toBe('أب <ت> ث');
  });

  it('skips records past the limit without building them', () => {
    const tree = build('<r><item>1</item><item>2<x/></item><other/><item>3</item></r>', {
      maxRecords: 1,
    });

    expect(tree.records).toBe(3);
    expect(tree.skippedRecords).toBe(2);
    expect(
      tree.root.children.map((child) => (typeof child === 'string' ? child : child.local)),
    ).toEqual(['item', 'other']);
  });

  it('refuses a text run longer than the limit', () => {
    const error = thrown(() => build(`<r>${'ن'.repeat(5000)}</r>`, { maxTextRun: 1000 }));

    expect(error.code).toBe('WIRE_TOO_LARGE');
  });

  it('refuses a DOCTYPE with an internal subset even without entities', () => {
    expect(thrown(() => build('<!DOCTYPE r [<!ELEMENT r ANY>]><r/>')).code).toBe('WIRE_DTD');
  });

  it('refuses a document with no root element', () => {
    expect(thrown(() => build('<?xml version="1.0"?>')).code).toBe('WIRE_XML_INVALID');
  });
});
