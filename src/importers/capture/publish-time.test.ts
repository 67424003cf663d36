import { describe, expect, it } from 'vitest';
import type { CaptureDate, CaptureTime } from './capture-parts.js';
import { parsePublishTime } from './publish-time.js';

const d = (year: number, month: number, day: number): CaptureDate => ({ year, month, day });
const t = (hour: number, minute: number): CaptureTime => ({ hour, minute });

describe('parsePublishTime', () => {
  it.each<[string, CaptureDate | null, CaptureTime | null]>([
    ['11:43', null, t(11, 43)],
    ['١١:٤٣', null, t(11, 43)],
    ['18/01/2020 11:43', d(2020, 1, 18), t(11, 43)],
    ['١٨/٠١/٢٠٢٠ ١١:٤٣', d(2020, 1, 18), t(11, 43)],
    ['18.01.2020', d(2020, 1, 18), null],
    ['2020-01-18 11:43', d(2020, 1, 18), t(11, 43)],
    ['2020-01-18T11:43:05', d(2020, 1, 18), t(11, 43)],
    ['2020/1/8', d(2020, 1, 8), null],
    ['السبت 18 كانون الثاني 2020 - 11:43', d(2020, 1, 18), t(11, 43)],
    ['18 يناير 2020 | 11:43 ص', d(2020, 1, 18), t(11, 43)],
    ['18 يناير 2020 | 11:43 م', d(2020, 1, 18), t(23, 43)],
    ['١٨ يناير ٢٠٢٠ - ٠٧:١٥ م', d(2020, 1, 18), t(19, 15)],
    ['نشر في: 05 جويلية 2021 - 09:30', d(2021, 7, 5), t(9, 30)],
    ['نُشر بتاريخ: الأربعاء، 9 مارس 2022', d(2022, 3, 9), null],
    ['الخميس 1 آب 2019 الساعة 08:00', d(2019, 8, 1), t(8, 0)],
    ['3 أوت 2019', d(2019, 8, 3), null],
    ['3 غشت 2019', d(2019, 8, 3), null],
    ['١٤ شباط ٢٠١٠', d(2010, 2, 14), null],
    ['2 ماي 2021', d(2021, 5, 2), null],
    ['2 مايو 2021', d(2021, 5, 2), null],
    ['2 أيار 2021', d(2021, 5, 2), null],
    ['30 يونيه 2020', d(2020, 6, 30), null],
    ['7 أفريل 2021', d(2021, 4, 7), null],
    ['7 إبريل 2021', d(2021, 4, 7), null],
    ['25 تشرين الثاني 2019', d(2019, 11, 25), null],
    ['31 كانون الأول 2019', d(2019, 12, 31), null],
    ['1 تشرين الأول 2019', d(2019, 10, 1), null],
    ['12 ديسمبر/كانون الأول 2022', d(2022, 12, 12), null],
    ['12 كانون الأول (ديسمبر) 2022', d(2022, 12, 12), null],
    ['18 يناير 2020م الساعة 11:43', d(2020, 1, 18), t(11, 43)],
    ['18 يناير 2020 الموافق 23 جمادى الأولى 1441 هـ', d(2020, 1, 18), null],
    ['12:05 ص', null, t(0, 5)],
    ['12:30 م', null, t(12, 30)],
    ['07:15 مساءً', null, t(19, 15)],
    ['9:05 صباحاً', null, t(9, 5)],
    ['3:00 PM', null, t(15, 0)],
    ['11:43 بتوقيت دمشق', null, t(11, 43)],
    ['11:43 GMT+3', null, t(11, 43)],
    ['12 Mar 2024 10:00', d(2024, 3, 12), t(10, 0)],
    ['March 12, 2024', d(2024, 3, 12), null],
    ['Tue, 12 March 2024 10:15 PM', d(2024, 3, 12), t(22, 15)],
    ['Mar. 5th, 2024', d(2024, 3, 5), null],
    ['Published on 1 Sept 2023 at 09:30', d(2023, 9, 1), t(9, 30)],
    ['12 mars 2024', d(2024, 3, 12), null],
    ['publié le 1er août 2023', d(2023, 8, 1), null],
    ['2024-03-12T10:00:00+03:00', d(2024, 3, 12), t(10, 0)],
    ['2024-03-12T07:00:00Z', d(2024, 3, 12), t(7, 0)],
    ['2024-03-12T07:00:00.000Z', d(2024, 3, 12), t(7, 0)],
    ['2024-03-12T10:00', d(2024, 3, 12), t(10, 0)],
    ['٢٠٢٤-٠٣-١٢T١٠:٠٠:٠٠+٠٣:٠٠', d(2024, 3, 12), t(10, 0)],
    ['الثلاثاء، 2024/3/12 - 08:00 بتوقيت غرينتش', d(2024, 3, 12), t(8, 0)],
    ['منذ 3 ساعات', null, null],
    ['أمس الساعة 10:30', null, t(10, 30)],
  ])('reads %s', (text, date, time) => {
    const result = parsePublishTime(text);

    expect(result?.date ?? null).toEqual(date);
    expect(result?.time ?? null).toEqual(time);
  });

  it.each([
    ['an empty line', ''],
    ['prose that mentions a time', 'وصل الوفد عند الساعة 11:43 إلى مطار دمشق الدولي'],
    ['a time followed by a number', '11:43 236'],
    ['an hour past 23', '25:10'],
    ['a 12-hour time past 12', '13:10 م'],
    ['a month name with no day or year', 'كانون الثاني'],
    ['a year in prose', 'عام 2020'],
    ['an English month in prose', 'The report was published in March 2024'],
    ['an ISO time with an hour past 23', '2024-03-12T25:00:00Z'],
    ['an ISO offset past 14 hours', '2024-03-12T10:00:00+15:00'],
    ['a year out of range', '12/03/1850'],
    ['relative words in prose', 'منذ 3 ساعات والناس ينتظرون'],
    ['a zone with nothing else but prose', 'بتوقيت دمشق قال المتحدث'],
  ])('refuses %s', (_name, text) => {
    expect(parsePublishTime(text)).toBeNull();
  });

  it('reads 01/18/2020 month first, since no month 18 exists, and notes it', () => {
    expect(parsePublishTime('01/18/2020')).toEqual({
      date: d(2020, 1, 18),
      time: null,
      updated: false,
      timeZone: null,
      impossibleDate: null,
      relative: null,
      notes: [
        {
          code: 'CAPTURE_DATE_MONTH_FIRST',
          message: 'The date 01/18/2020 was read as month/day/year.',
        },
      ],
    });
  });

  it.each([
    ['31/02/2024', '31/02/2024'],
    ['٣١/٠٢/٢٠٢٤ ١٠:٠٠', '٣١/٠٢/٢٠٢٤'],
    ['30 فبراير 2024', '30 فبراير 2024'],
    ['نشر في: 31 نيسان 2023', '31 نيسان 2023'],
    ['13/13/2024', '13/13/2024'],
    ['2023-02-29', '2023-02-29'],
    ['30 Feb 2024', '30 Feb 2024'],
  ])('reads %s as a date that does not exist, quoted as printed', (text, printed) => {
    const result = parsePublishTime(text);

    expect(result?.date).toBeNull();
    expect(result?.impossibleDate).toBe(printed);
  });

  it.each([
    ['منذ 3 ساعات', 'منذ 3 ساعات'],
    ['قبل ساعتين', 'قبل ساعتين'],
    ['منذ يوم', 'منذ يوم'],
    ['منذ يومين', 'منذ يومين'],
    ['منذ 15 يوماً', 'منذ 15 يوماً'],
    ['منذ ساعة و20 دقيقة', 'منذ ساعة و20 دقيقة'],
    ['نشر منذ ٥ دقائق', 'منذ ٥ دقائق'],
    ['آخر تحديث: قبل أسبوع', 'قبل أسبوع'],
    ['منذ قليل', 'منذ قليل'],
    ['3 hours ago', '3 hours ago'],
  ])('reads the relative time %s, with no date', (text, relative) => {
    const result = parsePublishTime(text);

    expect(result?.date).toBeNull();
    expect(result?.relative).toBe(relative);
  });

  it.each<[string, CaptureTime, string | null]>([
    ['08:00 بتوقيت غرينتش', t(8, 0), 'UTC'],
    ['08:00 GMT', t(8, 0), 'UTC'],
    ['08:00 UTC', t(8, 0), 'UTC'],
    ['08:00 ت.غ', t(8, 0), 'UTC'],
    ['08:00 (ت.غ)', t(8, 0), 'UTC'],
    ['08:00 بالتوقيت العالمي', t(8, 0), 'UTC'],
    ['10:45 (توقيت مكة)', t(10, 45), 'Asia/Riyadh'],
    ['10:45 بتوقيت مكة المكرمة', t(10, 45), 'Asia/Riyadh'],
    ['08:05 بتوقيت دمشق', t(8, 5), 'Asia/Damascus'],
    ['08:05 بتوقيت القاهرة', t(8, 5), 'Africa/Cairo'],
    ['08:05 بتوقيت بيروت', t(8, 5), 'Asia/Beirut'],
    ['08:05 بتوقيت بغداد', t(8, 5), 'Asia/Baghdad'],
    ['08:05 بتوقيت القدس', t(8, 5), 'Asia/Jerusalem'],
    ['08:05 بتوقيت تونس', t(8, 5), 'Africa/Tunis'],
    ['08:05 بتوقيت الجزائر', t(8, 5), 'Africa/Algiers'],
    ['08:05 بتوقيت الرباط', t(8, 5), 'Africa/Casablanca'],
    ['08:05 بتوقيت عمان', t(8, 5), 'Asia/Amman'],
    ['08:05 بتوقيت عمّان', t(8, 5), 'Asia/Amman'],
    ['08:05 بتوقيت عُمان', t(8, 5), 'Asia/Muscat'],
    ['08:05 بتوقيت أبوظبي', t(8, 5), 'Asia/Dubai'],
    ['08:05 بتوقيت الإمارات', t(8, 5), 'Asia/Dubai'],
    ['08:05 بتوقيت الدوحة', t(8, 5), 'Asia/Qatar'],
    ['08:05 بتوقيت إسطنبول', t(8, 5), 'Europe/Istanbul'],
    ['08:05 بتوقيت اسطنبول', t(8, 5), 'Europe/Istanbul'],
    ['08:05 بتوقيت أنقرة', t(8, 5), 'Europe/Istanbul'],
    ['08:05 بتوقيت الكويت', t(8, 5), 'Asia/Kuwait'],
    ['08:05 بتوقيت المنامة', t(8, 5), 'Asia/Bahrain'],
    ['08:05 بتوقيت مسقط', t(8, 5), 'Asia/Muscat'],
    ['08:05 بتوقيت صنعاء', t(8, 5), 'Asia/Aden'],
    ['08:05 بتوقيت الخرطوم', t(8, 5), 'Africa/Khartoum'],
    ['11:43 GMT+3', t(11, 43), '+03:00'],
    ['11:43 (UTC +02:00)', t(11, 43), '+02:00'],
    ['11:43 GMT-5', t(11, 43), '-05:00'],
    ['11:43 GMT+5:30', t(11, 43), '+05:30'],
    ['2024-03-12T10:00:00+03:00', t(10, 0), '+03:00'],
    ['2024-03-12T10:00:00-0500', t(10, 0), '-05:00'],
    ['2024-03-12T07:00:00Z', t(7, 0), 'UTC'],
    ['2024-03-12T07:00:00+00:00', t(7, 0), 'UTC'],
    ['18/01/2020 11:43', t(11, 43), null],
    ['11:43 بالتوقيت المحلي', t(11, 43), null],
  ])('reads the time zone in %s', (text, time, timeZone) => {
    const result = parsePublishTime(text);

    expect(result?.time).toEqual(time);
    expect(result?.timeZone).toBe(timeZone);
    if (timeZone?.includes('/')) {
      expect(() => new Intl.DateTimeFormat('en', { timeZone })).not.toThrow();
    }
  });

  it('notes a time zone it does not know, and still reads the time', () => {
    expect(parsePublishTime('08:05 بتوقيت نواكشوط')).toMatchObject({
      time: t(8, 5),
      timeZone: null,
      notes: [
        {
          code: 'CAPTURE_ZONE_UNKNOWN',
          message: 'The capture names a time zone that is not known: "بتوقيت نواكشوط".',
        },
      ],
    });
  });

  it('marks a date labelled as an update', () => {
    expect(parsePublishTime('آخر تحديث: 18 يناير 2020 - 12:00')?.updated).toBe(true);
    expect(parsePublishTime('نشر في: 18 يناير 2020 - 12:00')?.updated).toBe(false);
  });
});
