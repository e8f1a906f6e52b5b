// 学分银行 over HTTP: the teacher's own bank and its two exports, and an admin's view of a teacher in scope.
import { creditBank as c } from '@shixun/contracts';
import type { Deps } from '../../context.ts';
import { actorCtx, schemaOf } from '../../http/contract.ts';
import { contentDisposition, type App } from '../../http/types.ts';
import { bankPdf } from './bank-pdf.ts';
import { bankWorkbook } from './bank-xlsx.ts';
import { auditBankExport, bankView, scopedHolder, selfHolder } from './credit-bank.service.ts';
import { platformTitle } from './issuer.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function creditBankRoutes(app: App, deps: Deps) {
  app.get(c.myBank.path, { config: { access: 'credit.self' }, schema: schemaOf(c.myBank) }, async (req) => {
    const ctx = actorCtx(req);
    return bankView(deps, await selfHolder(deps, ctx), req.query);
  });

  app.get(c.myBankXlsx.path, { config: { access: 'credit.self' }, schema: schemaOf(c.myBankXlsx) }, async (req, reply) => {
    const ctx = actorCtx(req);
    const holder = await selfHolder(deps, ctx);
    const r = await bankWorkbook(deps, holder, req.query);
    await auditBankExport(deps, ctx, holder, 'xlsx', req.query);
    return reply
      .type(XLSX)
      .header('content-disposition', contentDisposition('attachment', r.asciiName, r.fileName))
      .header('cache-control', 'private, no-store')
      .send(r.stream);
  });

  app.get(c.myBankPdf.path, { config: { access: 'credit.self' }, schema: schemaOf(c.myBankPdf) }, async (req, reply) => {
    const ctx = actorCtx(req);
    const holder = await selfHolder(deps, ctx);
    const r = await bankPdf(deps, holder, req.query, await platformTitle(deps));
    await auditBankExport(deps, ctx, holder, 'pdf', req.query);
    return reply
      .type('application/pdf')
      .header('content-disposition', contentDisposition('attachment', r.asciiName, r.fileName))
      .header('cache-control', 'private, no-store')
      .send(r.pdf);
  });

  app.get(c.teacherBank.path, { config: { access: 'credit.read' }, schema: schemaOf(c.teacherBank) }, async (req) => {
    const ctx = actorCtx(req);
    return bankView(deps, await scopedHolder(deps, ctx, req.params.id), req.query);
  });

  app.get(c.teacherBankXlsx.path, { config: { access: 'credit.read' }, schema: schemaOf(c.teacherBankXlsx) }, async (req, reply) => {
    const ctx = actorCtx(req);
    const holder = await scopedHolder(deps, ctx, req.params.id);
    const r = await bankWorkbook(deps, holder, req.query);
    await auditBankExport(deps, ctx, holder, 'xlsx', req.query);
    return reply
      .type(XLSX)
      .header('content-disposition', contentDisposition('attachment', r.asciiName, r.fileName))
      .header('cache-control', 'private, no-store')
      .send(r.stream);
  });
}
