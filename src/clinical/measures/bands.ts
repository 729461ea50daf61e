/** Published severity bands for the NDI and ODI. */
export interface Band {
  label: string;
  /** Inclusive upper bound; the last band's bound is the scale maximum. */
  upTo: number;
}

export interface Banding {
  bands: readonly Band[];
  source: string;
}

/** NDI raw score (0–50) bands: 0–4, 5–14, 15–24, 25–34, 35–50. */
export const NDI_BANDING: Banding = {
  bands: [
    { label: 'none', upTo: 4 },
    { label: 'mild', upTo: 14 },
    { label: 'moderate', upTo: 24 },
    { label: 'severe', upTo: 34 },
    { label: 'complete', upTo: 50 },
  ],
  source: 'Vernon H, Mior S 1991, J Manipulative Physiol Ther 14(7):409-415 (raw-score bands)',
};

/** ODI percent bands: 0–20, 21–40, 41–60, 61–80, 81–100. */
export const ODI_BANDING: Banding = {
  bands: [
    { label: 'minimal disability', upTo: 20 },
    { label: 'moderate disability', upTo: 40 },
    { label: 'severe disability', upTo: 60 },
    { label: 'crippled', upTo: 80 },
    { label: 'bed-bound', upTo: 100 },
  ],
  source: 'Fairbank JCT, Pynsent PB 2000, Spine 25(22):2940-2953 (interpretation of ODI scores)',
};

/**
 * The band a score falls in. Bands are printed as integer ranges (0–4, 5–14 …), so a
 * fractional score belongs to a band until it reaches the next band's first integer:
 * 4.9 is still "none", 5 is "mild".
 */
export function bandFor(banding: Banding, score: number): string {
  const band = banding.bands.find((b) => score < b.upTo + 1) ?? banding.bands.at(-1);
  return band ? band.label : 'unbanded';
}
