import { describe, expect, it } from 'vitest';
import * as contracts from '@community/contracts';
import {
  audience,
  effectiveAudience,
  isMembersOnly,
  lessonAudience,
  membershipOpens,
  toPlanHandles,
  toVisibility,
} from './visibility';

describe('toVisibility / toPlanHandles', () => {
  it('maps unknown or missing values to public', () => {
    expect(toVisibility('members')).toBe('members');
    expect(toVisibility('plans')).toBe('plans');
    expect(toVisibility(null)).toBe('public');
    expect(toVisibility('vip')).toBe('public');
  });

  it('keeps distinct non-empty string handles', () => {
    expect(toPlanHandles([' yearly ', 'yearly', '', 3, null, 'lifetime'])).toEqual(['yearly', 'lifetime']);
    expect(toPlanHandles(null)).toEqual([]);
    expect(toPlanHandles('yearly')).toEqual([]);
  });

  it('drops plans unless the visibility is plans', () => {
    expect(audience('members', ['yearly'])).toEqual({ visibility: 'members', plans: [] });
    expect(audience('plans', ['yearly'])).toEqual({ visibility: 'plans', plans: ['yearly'] });
  });
});

describe('effectiveAudience', () => {
  const pub = audience('public', null);
  const members = audience('members', null);
  const yearly = audience('plans', ['yearly', 'lifetime']);

  it('takes the stricter of course and lesson', () => {
    expect(effectiveAudience(pub, pub)).toEqual(pub);
    expect(effectiveAudience(members, pub)).toEqual(members);
    expect(effectiveAudience(pub, members)).toEqual(members);
    expect(effectiveAudience(members, yearly)).toEqual(yearly);
    expect(effectiveAudience(yearly, members)).toEqual(yearly);
    expect(effectiveAudience(yearly, pub)).toEqual(yearly);
  });

  it('intersects plans when both name plans', () => {
    expect(effectiveAudience(yearly, audience('plans', ['lifetime', 'monthly']))).toEqual({
      visibility: 'plans',
      plans: ['lifetime'],
    });
    expect(effectiveAudience(yearly, audience('plans', ['monthly']))).toEqual({ visibility: 'plans', plans: [] });
  });

  it('reads the mapped course and lesson fields', () => {
    expect(
      lessonAudience({ visibility: 'members', visibleToPlans: [] }, { visibility: null, visibleToPlans: [] }),
    ).toEqual(members);
    expect(
      lessonAudience({ visibility: null, visibleToPlans: [] }, { visibility: 'plans', visibleToPlans: ['yearly'] }),
    ).toEqual({ visibility: 'plans', plans: ['yearly'] });
  });
});

describe('membershipOpens', () => {
  it('opens members content to any member and plans content to listed plans only', () => {
    expect(membershipOpens(audience('members', null), 'monthly')).toBe(true);
    expect(membershipOpens(audience('plans', ['yearly']), 'yearly')).toBe(true);
    expect(membershipOpens(audience('plans', ['yearly']), 'monthly')).toBe(false);
    expect(membershipOpens(audience('plans', []), 'monthly')).toBe(false);
    expect(membershipOpens(audience('public', null), 'yearly')).toBe(false);
    expect(membershipOpens(audience('members', null), null)).toBe(false);
  });

  it('knows when membership is involved', () => {
    expect(isMembersOnly(audience('public', null))).toBe(false);
    expect(isMembersOnly(audience('members', null))).toBe(true);
    expect(isMembersOnly(audience('plans', ['yearly']))).toBe(true);
    expect(isMembersOnly(audience('plans', []))).toBe(false);
  });
});

describe('one rule with commerce', () => {
  it('is the contracts function, not a copy', () => {
    expect(effectiveAudience).toBe(contracts.effectiveAudience);
    expect(membershipOpens).toBe(contracts.membershipOpens);
    expect(isMembersOnly).toBe(contracts.isMembersOnly);
  });

  it('names the same lesson audience commerce decodes from the catalog payload', () => {
    const course = { visibility: 'plans', visibleToPlans: ['yearly', 'lifetime'] };
    const lesson = { visibility: 'plans', visibleToPlans: ['lifetime', 'monthly'] };
    const payload = contracts.catalogVisibility(
      { visibility: course.visibility, visible_to_plans: course.visibleToPlans },
      [{ documentId: 'L1', visibility: lesson.visibility, visible_to_plans: lesson.visibleToPlans }],
    );
    expect(lessonAudience(course, lesson)).toEqual(contracts.lessonAudienceIn(payload, 'L1'));
    expect(lessonAudience(course, lesson)).toEqual({ visibility: 'plans', plans: ['lifetime'] });
  });
});
