/**
 * The page's open shadow roots reach the engine as declarative templates (`<template shadowrootmode>` as the
 * host's first child, src/content/snapshot.ts), which DOMParser leaves as inert templates: the engine would
 * read them as furniture, and a story told inside a web component would be lost. Here each host gets what a
 * reader saw: its shadow tree, with each <slot> replaced by the host's children assigned to it (by their slot=""
 * name; the unnamed slot takes the rest; a slot nobody is assigned to shows its own fallback), the way the
 * browser composed it on screen. Children no slot takes were never shown and go.
 */

const DECLARATIVE_ROOT = 'template[shadowrootmode]';

/** Puts every declarative shadow root in `root` (a parsed document or fragment) in place of its host's children. */
export function flattenShadowRoots(root: ParentNode): number {
  let count = 0;
  for (const template of Array.from(root.querySelectorAll<HTMLTemplateElement>(DECLARATIVE_ROOT))) {
    const host = template.parentElement;
    // Only a host's first element child is its shadow root, as the parser reads it; any other is a plain template.
    if (!host || host.firstElementChild !== template) continue;
    const tree = template.content;
    count += flattenShadowRoots(tree);
    template.remove();
    fillSlots(tree, host);
    host.replaceChildren(tree);
    count++;
  }
  return count;
}

function fillSlots(tree: DocumentFragment, host: Element): void {
  const light = Array.from(host.childNodes);
  const named = new Map<string, Node[]>();
  const unnamed: Node[] = [];
  for (const node of light) {
    const name = node.nodeType === 1 ? ((node as Element).getAttribute('slot') ?? '') : '';
    if (name === '') unnamed.push(node);
    else named.set(name, [...(named.get(name) ?? []), node]);
  }
  const taken = new Set<string>();
  for (const slot of Array.from(tree.querySelectorAll('slot'))) {
    const name = slot.getAttribute('name') ?? '';
    // The first slot of a name takes its nodes, as the browser assigns them.
    const assigned = taken.has(name) ? [] : name === '' ? unnamed : (named.get(name) ?? []);
    taken.add(name);
    replaceWithNodes(slot, assigned.length > 0 ? assigned : Array.from(slot.childNodes));
  }
}

/** One node at a time: replaceWith(...nodes) passes each as an argument, which overflows the stack on a long list. */
function replaceWithNodes(slot: Element, nodes: readonly Node[]): void {
  const parent = slot.parentNode;
  if (!parent) return;
  for (const node of nodes) parent.insertBefore(node, slot);
  slot.remove();
}
