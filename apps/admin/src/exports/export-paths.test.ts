import { describe, expect, it } from 'vitest';
import {
  apdCsvPath,
  apdYears,
  budgetCsvPath,
  calendarFeedUrl,
  evaluationReportPath,
  iatiXmlPath,
  measurementsCsvPath,
} from './export-paths.js';

describe('export addresses', () => {
  it('name the convention by its global ID, as the API reads it', () => {
    // "Convention:1" in base64, as Pothos encodes it.
    expect(iatiXmlPath('Q29udmVudGlvbjox')).toBe('/exports/conventions/Q29udmVudGlvbjox/iati.xml');
    expect(budgetCsvPath('Q29udmVudGlvbjox')).toBe(
      '/exports/conventions/Q29udmVudGlvbjox/budget.csv',
    );
    expect(measurementsCsvPath('Q29udmVudGlvbjox')).toBe(
      '/exports/conventions/Q29udmVudGlvbjox/measurements.csv',
    );
    expect(evaluationReportPath('Q29udmVudGlvbjox', 2019)).toBe(
      '/exports/conventions/Q29udmVudGlvbjox/evaluations/2019',
    );
  });

  it('keep a base64 ID with "/", "+" and "=" in one path segment', () => {
    expect(apdCsvPath('Q29sbGVjdGl2aXR5OjE=', 2025)).toBe(
      '/exports/collectivities/Q29sbGVjdGl2aXR5OjE%3D/apd/2025.csv',
    );
    expect(iatiXmlPath('a/b+c=')).toBe('/exports/conventions/a%2Fb%2Bc%3D/iati.xml');
  });

  it('offer the year just closed first for the APD declaration', () => {
    expect(apdYears(2026, 3)).toEqual([2025, 2024, 2023]);
  });

  it('turn the calendar feed’s path into the address to subscribe to', () => {
    expect(calendarFeedUrl('/calendar/coopc_abc.ics', 'https://coop.example.org')).toBe(
      'https://coop.example.org/calendar/coopc_abc.ics',
    );
  });
});
