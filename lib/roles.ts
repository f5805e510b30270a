import { z } from "zod";

export const ROLES = ["owner", "consultant", "viewer"] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

/** What each role may do inside its organisation. Reading is open to every member. */
export const PERMISSIONS = {
  editAssessment: ["owner", "consultant"],
  createAssessment: ["owner", "consultant"],
  completeAssessment: ["owner", "consultant"],
  manageMembers: ["owner"],
  renameOrganization: ["owner"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export const ROLE_LABELS: Record<Role, string> = {
  owner: "Owner",
  consultant: "Consultant",
  viewer: "Viewer",
};
