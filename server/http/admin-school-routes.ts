/**
 * The admin page's school: workspaces and their members, which mentor accompanies which teacher
 * (auth/mentor-access.ts), and how much storage each draft takes.
 */
import {
  AdminWorkspaceListResponseSchema,
  AssignmentListResponseSchema,
  CreateAssignmentRequestSchema,
  CreateWorkspaceRequestSchema,
  StorageUseResponseSchema,
} from '../../shared/protocol/admin-api';
import { grantMentorOnTeacherDrafts } from '../auth/mentor-access';
import { newWorkspaceId } from '../ids';
import { apiError } from './json';
import { parseBody, requireUser } from './route-kit';

export const listWorkspaces = requireUser(async (_request, context) => {
  const [workspaces, memberships] = await Promise.all([
    context.storage.workspaces.listWorkspaces(),
    context.storage.workspaces.listMemberships(),
  ]);
  return {
    status: 200,
    body: AdminWorkspaceListResponseSchema.parse({
      workspaces: workspaces.map((workspace) => ({
        id: workspace.id,
        name: workspace.name,
        members: memberships
          .filter((membership) => membership.workspaceId === workspace.id)
          .map(({ userId, name }) => ({ id: userId, name })),
      })),
    }),
  };
}, 'admin');

export const createWorkspace = requireUser(async (request, context) => {
  const body = await parseBody(request, context, CreateWorkspaceRequestSchema);
  if (!body.ok) return body.reply;
  const workspace = await context.storage.workspaces.createWorkspace({ id: newWorkspaceId(), name: body.value.name });
  return { status: 201, body: { id: workspace.id, name: workspace.name, members: [] } };
}, 'admin');

export const addWorkspaceMember = requireUser(async (_request, context, _admin, [workspaceId = '', userId = '']) => {
  if (!(await context.storage.workspaces.addMember(workspaceId, userId))) {
    return apiError(404, 'not-found', 'no such workspace or user');
  }
  return { status: 200, body: { added: true } };
}, 'admin');

export const removeWorkspaceMember = requireUser(async (_request, context, _admin, [workspaceId = '', userId = '']) => {
  if (!(await context.storage.workspaces.removeMember(workspaceId, userId))) {
    return apiError(404, 'not-found', 'not a member of that workspace');
  }
  return { status: 200, body: { removed: true } };
}, 'admin');

export const listAssignments = requireUser(async (_request, context) => {
  const [assignments, users] = await Promise.all([
    context.storage.assignments.listAssignments(),
    context.storage.users.listUsers(),
  ]);
  const names = new Map(users.map((user) => [user.id, user.name]));
  return {
    status: 200,
    body: AssignmentListResponseSchema.parse({
      assignments: assignments.map((assignment) => ({
        ...assignment,
        mentorName: names.get(assignment.mentorId) ?? '?',
        teacherName: names.get(assignment.teacherId) ?? '?',
      })),
    }),
  };
}, 'admin');

export const createAssignment = requireUser(async (request, context) => {
  const body = await parseBody(request, context, CreateAssignmentRequestSchema);
  if (!body.ok) return body.reply;
  const { mentorId, teacherId } = body.value;
  if (mentorId === teacherId) return apiError(400, 'bad-request', 'a mentor accompanies someone else');
  const [mentor, teacher] = await Promise.all([
    context.storage.users.getUser(mentorId),
    context.storage.users.getUser(teacherId),
  ]);
  if (!mentor || !teacher) return apiError(404, 'not-found', 'no such mentor or teacher');
  if (mentor.guest || teacher.guest) return apiError(400, 'bad-request', 'guests cannot be assigned');
  const assignment = await context.storage.assignments.addAssignment(mentorId, teacherId);
  await grantMentorOnTeacherDrafts(context, mentorId, teacherId);
  return {
    status: 201,
    body: { ...assignment, mentorName: mentor.name, teacherName: teacher.name },
  };
}, 'admin');

export const removeAssignment = requireUser(async (_request, context, _admin, [mentorId = '', teacherId = '']) => {
  if (!(await context.storage.assignments.removeAssignment(mentorId, teacherId))) {
    return apiError(404, 'not-found', 'no such assignment');
  }
  return { status: 200, body: { removed: true } };
}, 'admin');

export const storageUse = requireUser(async (_request, context) => {
  const drafts = await context.storage.drafts.storageUse();
  return {
    status: 200,
    body: StorageUseResponseSchema.parse({
      drafts,
      totalBytes: drafts.reduce((total, draft) => total + draft.bytes, 0),
    }),
  };
}, 'admin');
