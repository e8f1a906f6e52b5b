// The trainee's routes (their enrolment's class, certificate, evaluation) and the organiser's
// evaluation summary of a project.
import { myClass as c } from '@shixun/contracts';
import type { Deps } from '../../context.ts';
import { actorCtx, schemaOf } from '../../http/contract.ts';
import { contentDisposition, type App } from '../../http/types.ts';
import { projectEvaluation, submitEvaluation } from './evaluation.service.ts';
import { myCertificatePdf, myClass } from './my-class.service.ts';

const self = { access: 'project.self' } as const;

export function myClassRoutes(app: App, deps: Deps) {
  app.get(c.myClass.path, { config: self, schema: schemaOf(c.myClass) }, async (req) => myClass(deps, actorCtx(req), req.params.id));

  app.get(c.myCertificatePdf.path, { config: self, schema: schemaOf(c.myCertificatePdf) }, async (req, reply) => {
    const r = await myCertificatePdf(deps, actorCtx(req), req.params.id, deps.config.publicUrl);
    return reply
      .type('application/pdf')
      .header('cache-control', 'private, no-store')
      .header('content-disposition', contentDisposition('inline', r.asciiName, r.fileName))
      .send(r.pdf);
  });

  app.post(c.submitEvaluation.path, { config: self, schema: schemaOf(c.submitEvaluation) }, async (req, reply) => {
    const r = await submitEvaluation(deps, actorCtx(req), req.params.id, req.body.answers);
    return reply.code(201).send(r);
  });

  app.get(c.projectEvaluation.path, { config: { access: 'project.read' }, schema: schemaOf(c.projectEvaluation) }, async (req) =>
    projectEvaluation(deps, actorCtx(req), req.params.id),
  );
}
