import { maskIdNumber, maskPhone, maskEmail } from '@shixun/domain';
import type { ProfileRow } from './teachers.repository.ts';

/** The Profile object of the API. `masked` hides ID number, phone and e-mail (admins' default view). */
export function toProfile(r: ProfileRow, masked: boolean) {
  return {
    id: r.id,
    name: r.name,
    gender: r.gender,
    ethnicity: r.ethnicity,
    birthDate: r.birth_date,
    idType: r.id_type,
    idNumber: masked ? maskIdNumber(r.id_number) : r.id_number,
    politicalStatus: r.political_status,
    phone: masked ? maskPhone(r.phone) : r.phone,
    email: masked ? maskEmail(r.email) : r.email,
    regionName: r.city_name,
    countyName: r.county_name,
    regionCode: r.region_code,
    schoolId: r.school_id,
    schoolName: r.school_name,
    schoolAreaType: r.school_area_type,
    schoolCategory: r.school_category,
    stage: r.stage,
    subject: r.subject,
    initialEducation: r.initial_education,
    highestEducation: r.highest_education,
    highestDegree: r.highest_degree,
    graduateSchool: r.graduate_school,
    major: r.major,
    workStartDate: r.work_start_date,
    professionalTitle: r.professional_title,
    postCategory: r.post_category,
    adminPosition: r.admin_position,
    isEstablishment: r.is_establishment,
    isPublicFundedNormal: r.is_public_funded_normal,
    isSpecialPost: r.is_special_post,
    qualificationType: r.qualification_type,
    qualificationNumber: r.qualification_number,
    backboneLevel: r.backbone_level,
    isHeadTeacher: r.is_head_teacher,
    hireDate: r.hire_date,
    personnelStatus: r.personnel_status,
  };
}
export type Profile = ReturnType<typeof toProfile>;
