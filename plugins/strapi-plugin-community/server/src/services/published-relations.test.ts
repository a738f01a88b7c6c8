import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DOCUMENT_FILTERS,
  assertNoLocalizationSort,
  GRAPHQL_FILTERS,
  publishedPopulateFilters,
  publishedRelationFilters,
  type FilterModel,
} from './published-relations';

const MODELS: Record<string, FilterModel> = {
  course: {
    options: { draftAndPublish: true },
    attributes: {
      title: { type: 'string' },
      summary: { type: 'text' },
      lessons: { type: 'relation', target: 'lesson' },
      localizations: { type: 'relation', target: 'course' },
      cover: { type: 'media' },
      seo: { type: 'component', component: 'shared.seo' },
    },
  },
  lesson: {
    options: { draftAndPublish: true },
    attributes: { title: { type: 'string' }, course: { type: 'relation', target: 'course' }, localizations: { type: 'relation', target: 'lesson' } },
  },
  tag: { options: { draftAndPublish: false }, attributes: { name: { type: 'string' } } },
  'shared.seo': { attributes: { tag: { type: 'relation', target: 'tag' }, lesson: { type: 'relation', target: 'lesson' } } },
};
const getModel = (uid: string) => MODELS[uid];
const rewrite = (filters: unknown, uid = 'course') => publishedRelationFilters(filters, uid, getModel, DOCUMENT_FILTERS);
const PUBLISHED = { publishedAt: { $notNull: true } };

describe('publishedRelationFilters', () => {
  it('narrows a localizations filter to published versions', () => {
    expect(rewrite({ localizations: { summary: { $startsWith: 'X' } } })).toEqual({
      localizations: { summary: { $startsWith: 'X' }, ...PUBLISHED },
    });
  });

  it('overrides a publishedAt the caller put in the relation filter', () => {
    expect(rewrite({ localizations: { publishedAt: { $null: true } } })).toEqual({ localizations: PUBLISHED });
  });

  it('reaches relations under and/or/not, inside relations and components', () => {
    expect(
      rewrite({
        title: { $eq: 'a' },
        $or: [{ localizations: { title: { $eq: 'x' } } }, { lessons: { course: { localizations: { summary: { $eq: 'y' } } } } }],
        $not: { lessons: { localizations: { title: { $eq: 'z' } } } },
        seo: { lesson: { title: { $eq: 'w' } }, tag: { name: { $eq: 't' } } },
      })
    ).toEqual({
      title: { $eq: 'a' },
      $or: [
        { localizations: { title: { $eq: 'x' }, ...PUBLISHED } },
        { lessons: { course: { localizations: { summary: { $eq: 'y' }, ...PUBLISHED }, ...PUBLISHED }, ...PUBLISHED } },
      ],
      $not: { lessons: { localizations: { title: { $eq: 'z' }, ...PUBLISHED }, ...PUBLISHED } },
      // Components and types without drafts get no condition of their own.
      seo: { lesson: { title: { $eq: 'w' }, ...PUBLISHED }, tag: { name: { $eq: 't' } } },
    });
  });

  it('treats and/or given as an index-keyed object (qs past 100 items) like an array', () => {
    expect(rewrite({ $or: { 0: { title: { $eq: 'a' } }, 101: { localizations: { summary: { $eq: 'b' } } } } })).toEqual({
      $or: { 0: { title: { $eq: 'a' } }, 101: { localizations: { summary: { $eq: 'b' }, ...PUBLISHED } } },
    });
  });

  it('reaches relations under a $not given as a list', () => {
    expect(rewrite({ $not: [{ localizations: { summary: { $eq: 'b' } } }] })).toEqual({
      $not: [{ localizations: { summary: { $eq: 'b' }, ...PUBLISHED } }],
    });
  });

  it('speaks the GraphQL dialect', () => {
    expect(publishedRelationFilters({ or: [{ localizations: { title: { startsWith: 'X' } } }] }, 'course', getModel, GRAPHQL_FILTERS)).toEqual({
      or: [{ localizations: { title: { startsWith: 'X' }, publishedAt: { notNull: true } } }],
    });
  });

  it('refuses a relation filter that is not an object', () => {
    expect(() => rewrite({ localizations: '1' })).toThrow(/relation/);
  });

  it('leaves filters on the document itself unchanged', () => {
    const scalarFilters = fc.dictionary(
      fc.constantFrom('title', 'summary', 'id', 'documentId'),
      fc.dictionary(fc.constantFrom('$eq', '$ne', '$startsWith', '$containsi', '$null'), fc.oneof(fc.string(), fc.boolean(), fc.integer()))
    );
    fc.assert(
      fc.property(scalarFilters, (filters) => {
        expect(rewrite(filters)).toEqual(filters);
      })
    );
  });

  it('puts the condition in every relation object of a random filter tree', () => {
    const tree = fc.letrec<{ node: Record<string, unknown> }>((tie) => ({
      node: fc.oneof(
        { maxDepth: 4, depthSize: 'small' },
        fc.constant({ title: { $eq: 'x' } }),
        fc.record(
          {
            title: fc.constant({ $eq: 'x' }),
            localizations: tie('node'),
            $and: fc.array(tie('node'), { maxLength: 2 }),
            $not: tie('node'),
          },
          { requiredKeys: [] }
        )
      ),
    })).node;
    const everyRelationPublished = (filters: unknown): boolean => {
      if (!filters || typeof filters !== 'object') return true;
      const node = filters as Record<string, unknown>;
      if ('localizations' in node) {
        const inner = node.localizations as Record<string, unknown>;
        if (JSON.stringify(inner.publishedAt) !== JSON.stringify({ $notNull: true })) return false;
      }
      return Object.values(node).every((value) => (Array.isArray(value) ? value.every(everyRelationPublished) : everyRelationPublished(value)));
    };
    fc.assert(
      fc.property(tree, (filters) => {
        expect(everyRelationPublished(rewrite(filters))).toBe(true);
      }),
      { numRuns: 100 }
    );
  });
});

describe('publishedPopulateFilters', () => {
  it('narrows the filters of populated relations, through nested populates', () => {
    expect(
      publishedPopulateFilters(
        { lessons: { filters: { localizations: { title: { $eq: 'x' } } }, populate: { course: { filters: { localizations: { summary: { $eq: 'y' } } } } } } },
        'course',
        getModel
      )
    ).toEqual({
      lessons: {
        filters: { localizations: { title: { $eq: 'x' }, ...PUBLISHED } },
        populate: { course: { filters: { localizations: { summary: { $eq: 'y' }, ...PUBLISHED } } } },
      },
    });
  });

  it('leaves string and array populates alone', () => {
    expect(publishedPopulateFilters('*', 'course', getModel)).toBe('*');
    expect(publishedPopulateFilters(['lessons'], 'course', getModel)).toEqual(['lessons']);
    expect(publishedPopulateFilters({ lessons: true }, 'course', getModel)).toEqual({ lessons: true });
  });
});

describe('assertNoLocalizationSort', () => {
  it('refuses a sort through localizations in every form', () => {
    for (const sort of [
      'localizations.summary:asc',
      'title:asc,localizations.title:desc',
      ['title', 'lessons.localizations.title'],
      { localizations: { summary: 'asc' } },
      [{ lessons: { localizations: { title: 'desc' } } }],
      { 'localizations.summary': 'asc' },
    ]) {
      expect(() => assertNoLocalizationSort(sort), JSON.stringify(sort)).toThrow('sorting through localizations is not allowed');
    }
  });

  it('lets other sorts through', () => {
    for (const sort of ['title:asc', 'position', ['price_fen:desc', 'lessons.title'], { lessons: { title: 'asc' } }, undefined]) {
      expect(() => assertNoLocalizationSort(sort)).not.toThrow();
    }
  });

  it('is checked in populates too', () => {
    expect(() => publishedPopulateFilters({ lessons: { sort: 'localizations.title' } }, 'course', getModel)).toThrow(/localizations/);
  });
});
