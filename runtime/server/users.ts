/**
 * Local accounts in `users.json` in the data folder (mode 0600): scrypt hashes only, never passwords. Seeded on
 * first start with one demo user per role (password `demo1234`, see docs/server.md).
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { demoCitizens } from '../shared-data/demo.ts';
import { demoDepartments, type Authenticator, type Role, type User } from './auth.ts';
import { dummyHash, hashPassword, verifyPassword } from './passwords.ts';

interface Account extends User {
  readonly passwordHash: string;
}

/** The demo accounts' shared password (documented; change it before anyone else can reach the server). */
export const demoPassword = 'demo1234';

/** The demo departments' short Chinese names (卫健受理员: the health department's clerk). */
const departmentNames: Record<(typeof demoDepartments)[number], string> = {
  health: '卫健', police: '公安', medicalInsurance: '医保', hrss: '人社', market: '市场监管', tax: '税务', housingFund: '公积金',
};

/**
 * The demo accounts: the demo citizens as applicants, one user per staff, official and reviewer role, and a clerk and
 * an approver of each demo department (their role's steps and their department's in bundles).
 */
export const demoUsers: readonly User[] = [
  { id: 'zhangWei', role: 'applicant', subject: demoCitizens.zhangWei, name: '张伟' },
  { id: 'liNa', role: 'applicant', subject: demoCitizens.liNa, name: '李娜' },
  ...(['clerk', 'approver', 'inspector', 'sectionChief', 'transferOutClerk', 'reviewer'] as const satisfies readonly Role[]).map((role) => ({ id: role, role, subject: role, name: role })),
  { id: 'official', role: 'official', subject: 'official', name: '省级事项管理员', region: '330000' },
  { id: 'officialShaoxing', role: 'official', subject: 'officialShaoxing', name: '绍兴市事项管理员', region: '330600' },
  // a clerk and an approver per department, for the one-thing bundles' parallel steps (healthClerk, policeApprover, …)
  ...demoDepartments.flatMap((department) => (['clerk', 'approver'] as const).map((role) => ({
    id: `${department}${role === 'clerk' ? 'Clerk' : 'Approver'}`, role, subject: `${department}${role === 'clerk' ? 'Clerk' : 'Approver'}`,
    name: `${departmentNames[department]}${role === 'clerk' ? '受理员' : '审批员'}`, department,
  }))),
];

/** The accounts file: look-ups by user name, and sign-in against the stored hashes. */
export class UserFile implements Authenticator {
  private constructor(
    private readonly path: string,
    private readonly accounts: Map<string, Account>,
  ) {}

  /** Opens the accounts file, creating it with the demo users when it does not exist. */
  static async open(path: string): Promise<UserFile> {
    if (existsSync(path)) {
      const list = JSON.parse(readFileSync(path, 'utf8')) as Account[];
      return new UserFile(path, new Map(list.map((a) => [a.id, a])));
    }
    const seeded = await Promise.all(demoUsers.map(async (u): Promise<[string, Account]> => [u.id, { ...u, passwordHash: await hashPassword(demoPassword) }]));
    const file = new UserFile(path, new Map(seeded));
    file.save();
    return file;
  }

  /** Adds or replaces an account (the password is hashed before it is kept). */
  async add(user: User, password: string): Promise<void> {
    this.accounts.set(user.id, { ...user, passwordHash: await hashPassword(password) });
    this.save();
  }

  async signIn(username: string, password: string): Promise<User | undefined> {
    const account = this.accounts.get(username);
    const ok = await verifyPassword(password, account?.passwordHash ?? (await dummyHash()));
    if (!ok || !account) return undefined;
    const { passwordHash: _, ...user } = account;
    return user;
  }

  // Written to a temporary file and renamed, so a crash never leaves half a file.
  private save(): void {
    const tmp = `${this.path}.tmp`;
    writeFileSync(tmp, `${JSON.stringify([...this.accounts.values()], null, 2)}\n`, { mode: 0o600 });
    renameSync(tmp, this.path);
  }
}
