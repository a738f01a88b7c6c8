import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  audience,
  catalogVisibility,
  effectiveAudience,
  isMembersOnly,
  lessonAudienceIn,
  membershipOpens,
  membershipRequirement,
  PUBLIC_AUDIENCE,
  toPlanHandles,
  toVisibility,
  VISIBILITIES,
  withdrawnCourseVisibility,
  type Audience,
} from './visibility.js';

const PLANS = ['monthly', 'quarterly', 'yearly', 'lifetime'];
const plan = fc.constantFrom(...PLANS);
/** What an editor can store: any mark, any plan list (including junk the CMS should have refused). */
const cmsFields = fc.record({
  visibility: fc.oneof(fc.constantFrom(...VISIBILITIES), fc.constant(null), fc.constant('vip')),
  visible_to_plans: fc.oneof(fc.constant(null), fc.array(fc.oneof(plan, fc.constant('Bad Plan!'), fc.constant(' yearly ')), { maxLength: 5 })),
});
const anAudience: fc.Arbitrary<Audience> = cmsFields.map((f) => audience(f.visibility, f.visible_to_plans));
const member = fc.option(plan, { nil: null });
const asSet = (a: Audience) => ({ visibility: a.visibility, plans: [...a.plans].sort() });
const rank = (a: Audience) => VISIBILITIES.indexOf(a.visibility);

describe('reading CMS values', () => {
  it('maps unknown or missing visibilities to public', () => {
    expect(toVisibility('members')).toBe('members');
    expect(toVisibility('plans')).toBe('plans');
    expect(toVisibility(null)).toBe('public');
    expect(toVisibility('vip')).toBe('public');
  });

  it('keeps distinct plan handles and drops what can name no plan', () => {
    expect(toPlanHandles([' yearly ', 'yearly', '', 3, null, 'lifetime', 'Year Plan!'])).toEqual(['yearly', 'lifetime']);
    expect(toPlanHandles(null)).toEqual([]);
    expect(toPlanHandles('yearly')).toEqual([]);
    expect(audience('members', ['yearly'])).toEqual({ visibility: 'members', plans: [] });
    expect(audience('plans', ['yearly'])).toEqual({ visibility: 'plans', plans: ['yearly'] });
  });
});

describe('effectiveAudience: the stricter of course and lesson', () => {
  const members = audience('members', null);
  const yearly = audience('plans', ['yearly', 'lifetime']);

  it('examples', () => {
    expect(effectiveAudience(PUBLIC_AUDIENCE, PUBLIC_AUDIENCE)).toEqual(PUBLIC_AUDIENCE);
    expect(effectiveAudience(members, PUBLIC_AUDIENCE)).toEqual(members);
    expect(effectiveAudience(PUBLIC_AUDIENCE, members)).toEqual(members);
    expect(effectiveAudience(members, yearly)).toEqual(yearly);
    expect(effectiveAudience(yearly, members)).toEqual(yearly);
    expect(effectiveAudience(yearly, audience('plans', ['lifetime', 'monthly']))).toEqual({ visibility: 'plans', plans: ['lifetime'] });
    expect(effectiveAudience(yearly, audience('plans', ['monthly']))).toEqual({ visibility: 'plans', plans: [] });
  });

  it('takes the higher rank, public changes nothing, and order does not matter', () => {
    fc.assert(
      fc.property(anAudience, anAudience, (a, b) => {
        const ab = effectiveAudience(a, b);
        expect(rank(ab)).toBe(Math.max(rank(a), rank(b)));
        expect(asSet(ab)).toEqual(asSet(effectiveAudience(b, a)));
        expect(asSet(effectiveAudience(a, PUBLIC_AUDIENCE))).toEqual(asSet(a));
        expect(asSet(effectiveAudience(a, a))).toEqual(asSet(a));
      }),
    );
  });

  it('is associative (course, lesson, and anything stricter agree in any grouping)', () => {
    fc.assert(
      fc.property(anAudience, anAudience, anAudience, (a, b, c) => {
        expect(asSet(effectiveAudience(effectiveAudience(a, b), c))).toEqual(asSet(effectiveAudience(a, effectiveAudience(b, c))));
      }),
    );
  });

  it('never opens a lesson to a member that the stricter of the two marks keeps out', () => {
    fc.assert(
      fc.property(anAudience, anAudience, member, (course, lesson, plan) => {
        const opens = membershipOpens(effectiveAudience(course, lesson), plan);
        if (opens) {
          // Only members get in through membership, and for "plans" only plans both sides name.
          expect(plan).not.toBeNull();
          if (course.visibility === 'plans') expect(course.plans).toContain(plan);
          if (lesson.visibility === 'plans') expect(lesson.plans).toContain(plan);
          expect(course.visibility !== 'public' || lesson.visibility !== 'public').toBe(true);
        }
      }),
    );
  });
});

describe('membership', () => {
  it('opens members content to any member and plans content to listed plans only', () => {
    expect(membershipOpens(audience('members', null), 'monthly')).toBe(true);
    expect(membershipOpens(audience('plans', ['yearly']), 'yearly')).toBe(true);
    expect(membershipOpens(audience('plans', ['yearly']), 'monthly')).toBe(false);
    expect(membershipOpens(audience('plans', []), 'monthly')).toBe(false);
    expect(membershipOpens(audience('public', null), 'yearly')).toBe(false);
    expect(membershipOpens(audience('members', null), null)).toBe(false);
    expect(isMembersOnly(audience('plans', []))).toBe(false);
  });

  it('the requirement commerce checks agrees with membershipOpens and isMembersOnly', () => {
    fc.assert(
      fc.property(anAudience, plan, (value, p) => {
        const requirement = membershipRequirement(value);
        expect(requirement !== false).toBe(isMembersOnly(value));
        const opens = requirement === false ? false : requirement === null ? true : requirement.includes(p);
        expect(opens).toBe(membershipOpens(value, p));
      }),
    );
  });
});

describe('visibility in the catalog payload', () => {
  it('carries the course mark and only the lessons that are not public', () => {
    const fields = catalogVisibility({ visibility: 'members', visible_to_plans: ['yearly'] }, [
      { documentId: 'L1', visibility: 'public', visible_to_plans: null },
      { documentId: 'L2', visibility: 'plans', visible_to_plans: ['yearly', 'Bad!'] },
      { documentId: 'L3', visibility: 'members' },
      { documentId: 'L4' },
    ]);
    expect(fields).toEqual({
      visibility: 'members',
      visible_to_plans: [],
      lesson_visibility: [
        { lesson_document_id: 'L2', visibility: 'plans', visible_to_plans: ['yearly'] },
        { lesson_document_id: 'L3', visibility: 'members', visible_to_plans: [] },
      ],
    });
    expect(lessonAudienceIn(fields, 'L1')).toEqual({ visibility: 'members', plans: [] });
    expect(lessonAudienceIn(fields, 'L2')).toEqual({ visibility: 'plans', plans: ['yearly'] });
    // A lesson commerce never heard of takes the course's mark.
    expect(lessonAudienceIn(fields, 'unknown')).toEqual({ visibility: 'members', plans: [] });
    expect(lessonAudienceIn(withdrawnCourseVisibility(), 'L2')).toEqual(PUBLIC_AUDIENCE);
  });

  it('loses nothing: what commerce decodes for every lesson is what the CMS marks mean', () => {
    const lessons = fc.uniqueArray(fc.record({ documentId: fc.stringMatching(/^[a-z0-9]{1,8}$/), fields: cmsFields }), {
      selector: (l) => l.documentId,
      maxLength: 8,
    });
    fc.assert(
      fc.property(cmsFields, lessons, fc.stringMatching(/^[a-z0-9]{1,8}$/), (course, list, other) => {
        const payload = catalogVisibility(course, list.map((l) => ({ documentId: l.documentId, ...l.fields })));
        // What crosses the wire survives JSON and carries no public lesson.
        const received = JSON.parse(JSON.stringify(payload));
        expect(received.lesson_visibility.every((l: { visibility: string }) => l.visibility !== 'public')).toBe(true);
        const courseAudience = audience(course.visibility, course.visible_to_plans);
        for (const lesson of list) {
          const expected = effectiveAudience(courseAudience, audience(lesson.fields.visibility, lesson.fields.visible_to_plans));
          expect(lessonAudienceIn(received, lesson.documentId)).toEqual(expected);
        }
        if (!list.some((l) => l.documentId === other)) {
          expect(lessonAudienceIn(received, other)).toEqual(effectiveAudience(courseAudience, PUBLIC_AUDIENCE));
        }
      }),
    );
  });
});
