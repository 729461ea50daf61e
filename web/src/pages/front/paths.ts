/** A public page's address: /start/<organisation>/<page> ("" is what to expect). */
export const frontPath = (org: string, page: string) => `/start/${encodeURIComponent(org)}${page ? `/${page}` : ''}`;
