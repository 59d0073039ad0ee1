import { describe, expect, it } from 'vitest';
import { covers, rightsOf } from '../../shared/rights';

describe('rightsOf: what memberships allow', () => {
  it('a member has no rights anywhere', () => {
    expect(rightsOf([{ role: 'member', path: '/root/fgw/fgw-b1/', depth: 2 }])).toEqual({
      managedPaths: [],
      gatePaths: [],
      reviewPaths: [],
      isPlatformAdmin: false,
    });
  });

  it('a 检票员 only checks in, a 审核员 only reviews, each in their own subtree', () => {
    const r = rightsOf([
      { role: 'member', path: '/root/fgw/fgw-b1/', depth: 2 },
      { role: 'gate_staff', path: '/root/fgw/', depth: 1 },
      { role: 'reviewer', path: '/root/jyj/', depth: 1 },
    ]);
    expect(r.managedPaths).toEqual([]);
    expect(covers(r.gatePaths, '/root/fgw/fgw-b2/')).toBe(true);
    expect(covers(r.gatePaths, '/root/jyj/')).toBe(false);
    expect(covers(r.reviewPaths, '/root/jyj/jyj-b1/')).toBe(true);
    expect(covers(r.reviewPaths, '/root/fgw/')).toBe(false);
    // never above their unit
    expect(covers(r.gatePaths, '/root/')).toBe(false);
    expect(r.isPlatformAdmin).toBe(false);
  });

  it('organizers and admins check in and review wherever they manage; only an admin of the root is the platform admin', () => {
    const org = rightsOf([{ role: 'organizer', path: '/root/fgw/', depth: 1 }]);
    expect(org.managedPaths).toEqual(['/root/fgw/']);
    expect(org.gatePaths).toEqual(['/root/fgw/']);
    expect(org.reviewPaths).toEqual(['/root/fgw/']);
    expect(rightsOf([{ role: 'admin', path: '/root/fgw/', depth: 1 }]).isPlatformAdmin).toBe(false);
    expect(rightsOf([{ role: 'admin', path: '/root/', depth: 0 }]).isPlatformAdmin).toBe(true);
    expect(rightsOf([{ role: 'organizer', path: '/root/', depth: 0 }]).isPlatformAdmin).toBe(false);
  });
});
