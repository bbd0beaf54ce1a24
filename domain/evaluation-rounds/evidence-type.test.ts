import { describe, expect, it } from 'vitest';
import { cleanEvidenceFilename, sniffEvidenceType } from './evidence-type.js';
import { deadlineInstant, isPastDeadline } from './deadline.js';

const bytes = (...parts: Array<string | number[]>) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

describe('evidence type by content', () => {
  it('recognises PDF, JPEG and PNG by their signatures', () => {
    expect(sniffEvidenceType(bytes('%PDF-1.7\n...'))).toBe('application/pdf');
    expect(sniffEvidenceType(bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('image/jpeg');
    expect(sniffEvidenceType(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
  });

  it('tells DOCX from XLSX by the part names inside the ZIP, and refuses a plain ZIP', () => {
    expect(sniffEvidenceType(bytes('PK\x03\x04', 'xxxx[Content_Types].xml', 'word/document.xml'))).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(sniffEvidenceType(bytes('PK\x03\x04', 'xxxxxl/workbook.xml'))).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(sniffEvidenceType(bytes('PK\x03\x04', 'virus.exe'))).toBeNull();
  });

  it('refuses Windows and Linux executables, scripts, HTML and empty files', () => {
    expect(sniffEvidenceType(bytes('MZ\x90\x00\x03'))).toBeNull();
    expect(sniffEvidenceType(bytes([0x7f, 0x45, 0x4c, 0x46, 2, 1]))).toBeNull();
    expect(sniffEvidenceType(bytes('#!/bin/sh\nrm -rf /'))).toBeNull();
    expect(sniffEvidenceType(bytes('<html><script>alert(1)</script>'))).toBeNull();
    expect(sniffEvidenceType(bytes(''))).toBeNull();
    expect(sniffEvidenceType(bytes('%PD'))).toBeNull();
  });

  it('keeps Vietnamese file names but strips paths and control characters', () => {
    expect(cleanEvidenceFilename('C:\\Users\\a\\Quyết định 125.pdf', 'application/pdf')).toBe(
      'Quyết định 125.pdf',
    );
    expect(cleanEvidenceFilename('../../etc/passwd\u0000.pdf', 'application/pdf')).toBe('passwd.pdf');
    expect(cleanEvidenceFilename('', 'image/png')).toBe('minh-chung.png');
  });
});

describe('deadline', () => {
  it('ends at 23:59:59 of the deadline day in Vietnam (UTC+7)', () => {
    expect(isPastDeadline('2025-09-30', new Date('2025-09-30T16:59:59.999Z'))).toBe(false);
    expect(isPastDeadline('2025-09-30', new Date('2025-09-30T17:00:00.000Z'))).toBe(true);
    expect(isPastDeadline('2025-09-30', new Date('2025-09-29T20:00:00.000Z'))).toBe(false);
    expect(deadlineInstant('2025-09-30')).toBe('2025-09-30T16:59:59.999Z');
  });
});
