/**
 * The template library as the catalog uses it: the templates of
 * `presets/templates` (loaded once, on first use), listed for staff and turned
 * into the first draft of a municipality's own procedure.
 */
import { loadTemplates, summarizeTemplate, type LoadedTemplate } from '@madoguchi/presets';
import type { FormDocument, TemplateSummary } from '@madoguchi/shared';

export class TemplateLibrary {
  private loaded?: readonly LoadedTemplate[];

  constructor(private readonly load: () => readonly LoadedTemplate[] = loadTemplates) {}

  private all(): readonly LoadedTemplate[] {
    return (this.loaded ??= this.load());
  }

  list(): TemplateSummary[] {
    return this.all().map(summarizeTemplate);
  }

  find(id: string): LoadedTemplate | undefined {
    return this.all().find((t) => t.procedure.id === id);
  }

  /** The template as a municipality's own document under a new id and title. */
  static document(template: LoadedTemplate, owner: string, id: string, title: string): FormDocument {
    const procedure = template.procedure;
    const schema = template.schema.title === template.procedure.title ? { ...template.schema, title } : template.schema;
    return { procedure: { ...procedure, id, owner, title }, schema: structuredClone(schema), uiSchema: structuredClone(template.uiSchema) };
  }
}
