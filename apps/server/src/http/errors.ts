export class AppError extends Error {
  constructor(
    public status: number,
    public code: string,
    message: string,
    public fields?: Record<string, string>,
  ) {
    super(message);
  }
}

export const notFound = (what = '记录') => new AppError(404, 'NOT_FOUND', `${what}不存在或不在您的管辖范围内`);
export const forbidden = (msg = '您没有权限执行此操作') => new AppError(403, 'FORBIDDEN', msg);
export const invalid = (msg: string, fields?: Record<string, string>) => new AppError(400, 'VALIDATION', msg, fields);
export const conflict = (msg: string, code = 'CONFLICT') => new AppError(409, code, msg);
