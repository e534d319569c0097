// Ids for one of several articles in a file, stable when a feed gains or loses other items:
// `<file>#<slug>` from the item's link (last path part) or title; `<file>#<n>` when it has neither.

export function slugOf(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\.[a-z0-9]{2,5}$/u, '') // ".html"
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-+|-+$/gu, '')
    .slice(0, 60)
    .replace(/-+$/u, '');
}

/** The slug a link or title gives, e.g. "https://x.org/news/uk-52/" → "uk-52". */
export function itemSlug(link: string | null, title: string | null): string {
  if (link) {
    try {
      const parts = new URL(link).pathname.split('/').filter(Boolean);
      const last = parts.at(-1);
      const slug = last ? slugOf(decodeURIComponent(last)) : '';
      // "index.html" or a bare number says little: prefer the part before it where there is one.
      if (slug && !/^(index|default|story|article)$/u.test(slug)) return slug;
    } catch {
      // not a URL: fall back to the title
    }
  }
  return title ? slugOf(title) : '';
}

/** Hands out `<file>#<slug>` ids, each once; repeats get `-2`, `-3`; no slug gets `#<n>`. */
export function idMaker(fileDoc: string): (slug: string, n: number) => string {
  const used = new Set<string>();
  return (slug, n) => {
    let id = `${fileDoc}#${slug || n}`;
    for (let k = 2; used.has(id); k++) id = `${fileDoc}#${slug || n}-${k}`;
    used.add(id);
    return id;
  };
}
