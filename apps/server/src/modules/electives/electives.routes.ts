// 自主选学 over HTTP: the catalogue's offer and review (institutions, region admins), the teacher's side,
// and the figures. Thin: each route declares its contract and permission and makes one call into a service.
import { electives as c } from '@shixun/contracts';
import type { Deps } from '../../context.ts';
import { actorCtx, schemaOf } from '../../http/contract.ts';
import type { App } from '../../http/types.ts';
import { browseCatalogue, cancelEnrolment, catalogueDetail, enrolInElective, myElectives } from './learn.service.ts';
import { createElective, formOptions, getElective, searchElectives, submitElective, updateElective } from './offer.service.ts';
import { approveElective, pendingElectives, returnElective } from './review.service.ts';
import { electiveLearners, electiveStats } from './stats.service.ts';

export function electiveRoutes(app: App, deps: Deps) {
  const offer = { access: 'elective.offer' } as const;
  const review = { access: 'elective.review' } as const;
  const self = { access: 'elective.self' } as const;

  app.get(c.formOptions.path, { config: offer, schema: schemaOf(c.formOptions) }, async (req) => formOptions(deps, actorCtx(req)));
  app.get(c.listElectives.path, { config: offer, schema: schemaOf(c.listElectives) }, async (req) =>
    searchElectives(deps, actorCtx(req), req.query),
  );
  app.post(c.createElective.path, { config: offer, schema: schemaOf(c.createElective) }, async (req, reply) => {
    reply.code(201);
    return createElective(deps, actorCtx(req), req.body);
  });
  app.get(c.pendingElectives.path, { config: review, schema: schemaOf(c.pendingElectives) }, async (req) =>
    pendingElectives(deps, actorCtx(req)),
  );
  app.get(c.stats.path, { config: offer, schema: schemaOf(c.stats) }, async (req) => electiveStats(deps, actorCtx(req)));
  app.get(c.getElective.path, { config: offer, schema: schemaOf(c.getElective) }, async (req) =>
    getElective(deps, actorCtx(req), req.params.id),
  );
  app.put(c.updateElective.path, { config: offer, schema: schemaOf(c.updateElective) }, async (req) =>
    updateElective(deps, actorCtx(req), req.params.id, req.body),
  );
  app.post(c.submitElective.path, { config: offer, schema: schemaOf(c.submitElective) }, async (req) =>
    submitElective(deps, actorCtx(req), req.params.id, req.body.version),
  );
  app.post(c.approveElective.path, { config: review, schema: schemaOf(c.approveElective) }, async (req) =>
    approveElective(deps, actorCtx(req), req.params.id, req.body.version),
  );
  app.post(c.returnElective.path, { config: review, schema: schemaOf(c.returnElective) }, async (req) =>
    returnElective(deps, actorCtx(req), req.params.id, req.body),
  );
  app.get(c.learners.path, { config: offer, schema: schemaOf(c.learners) }, async (req) =>
    electiveLearners(deps, actorCtx(req), req.params.id),
  );

  app.get(c.catalogue.path, { config: self, schema: schemaOf(c.catalogue) }, async (req) =>
    browseCatalogue(deps, actorCtx(req), req.query),
  );
  app.get(c.catalogueDetail.path, { config: self, schema: schemaOf(c.catalogueDetail) }, async (req) =>
    catalogueDetail(deps, actorCtx(req), req.params.id),
  );
  app.post(c.enrol.path, { config: self, schema: schemaOf(c.enrol) }, async (req, reply) => {
    reply.code(201);
    return enrolInElective(deps, actorCtx(req), req.params.id);
  });
  app.get(c.myElectives.path, { config: self, schema: schemaOf(c.myElectives) }, async (req) =>
    myElectives(deps, actorCtx(req), req.query.tab),
  );
  app.post(c.cancel.path, { config: self, schema: schemaOf(c.cancel) }, async (req) =>
    cancelEnrolment(deps, actorCtx(req), req.params.id, req.body.version),
  );
}
