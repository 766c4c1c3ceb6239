export class UserService {
  constructor(private readonly repo: UserRepo, private readonly mailer: Mailer, private readonly audit: AuditLog) {}

  async register(email: string, password: string) {
    if (!email.includes('@')) throw new Error('bad email');
    const existing = await this.repo.findByEmail(email);
    if (existing) throw new Error('exists');
    const user = await this.repo.create({ email, passwordHash: await hash(password), createdAt: new Date() });
    await this.mailer.send(email, 'Welcome!', `Hi ${email}, welcome aboard.`);
    await this.audit.log('register', user.id);
    return user;
  }

  async changeEmail(id: string, email: string) {
    const user = await this.repo.find(id);
    user.email = email;
    await this.repo.save(user);
    await this.mailer.send(email, 'Email changed', 'Your email was changed.');
    await this.audit.log('change-email', id);
  }
}
