import { describe, expect, it } from 'vitest';
import {
  can,
  capabilities,
  grantableRoles,
  roleCapabilities,
  roles,
  strongerRole,
} from '../../../../shared/auth/roles';

describe('roles table', () => {
  it('gives the owner everything and every other role a strict subset', () => {
    expect([...roleCapabilities.owner].sort()).toEqual([...capabilities].sort());
    for (const role of grantableRoles) {
      expect(roleCapabilities[role].length).toBeLessThan(capabilities.length);
      expect(roleCapabilities[role]).toContain('read');
    }
  });

  it('lets commenters write feedback but not content, and viewers only read', () => {
    expect(can('commenter', 'write-feedback')).toBe(true);
    expect(can('commenter', 'edit-content')).toBe(false);
    expect(can('commenter', 'resolve-feedback')).toBe(false);
    expect(can('viewer', 'write-feedback')).toBe(false);
    expect(can('viewer', 'read')).toBe(true);
    expect(can('editor', 'manage-members')).toBe(false);
    expect(can(null, 'read')).toBe(false);
  });

  it('orders roles so a weaker grant never lowers a stronger one', () => {
    expect(strongerRole('editor', 'viewer')).toBe('editor');
    expect(strongerRole('commenter', 'editor')).toBe('editor');
    expect(strongerRole('owner', 'editor')).toBe('owner');
    expect(roles).toHaveLength(4);
  });
});
