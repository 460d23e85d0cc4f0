declare namespace App {
  interface Locals {
    /** Set by the review page: which narrative headings show a frontmatter list (see NarrativeHeading.astro). */
    frontmatterSections?: {
      placed: Map<string, import('./lib/owned-sections.ts').FrontmatterSectionKey>;
      data: import('./content.ts').Incident['data'];
    };
  }
}

/** The URL of mermaid's prebuilt ES module bundle in this site (src/integrations/mermaid-bundle.ts). */
declare const __MERMAID_URL__: string;
