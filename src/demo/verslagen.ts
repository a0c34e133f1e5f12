import { simplePdf } from './pdf.ts'

// The documents the 2a werkgroep shares with its partners: the design of the leergang and the
// evaluation report of its first cycle. Made-up content, like everything in the demo.

const DEMO = 'Voorbeelddocument van de demo van doorlopend: alle namen en cijfers zijn verzonnen.'

/** The design of the leergang Expert Pedagogiek en Didactiek, as the werkgroep agreed it. */
export function ontwerpLeergang(): Uint8Array {
  return simplePdf('Ontwerp leergang Expert Pedagogiek en Didactiek', [
    'Amstelscholen Academie, werkgroep van de leergang, oktober 2025',
    '',
    'Acht bijeenkomsten voor vijftien deelnemers, met twee lesson study-cycli in de eigen school.',
    'De academie leidt: communicatie, aanmeldingen, financiën, programma en logistiek.',
    'Een werkgroep met een vertegenwoordiger van elke partner houdt zicht op het proces.',
    'Kwaliteit: vier werkgroepoverleggen en een evaluatie op de vier niveaus.',
    '',
    DEMO,
  ])
}

/** The evaluation report of the first cycle. */
export function evaluatieverslagLeergang(): Uint8Array {
  return simplePdf('Evaluatieverslag leergang Expert Pedagogiek en Didactiek, cyclus 1', [
    'Amstelscholen Academie en Leraar in Amsterdam, juni 2026',
    '',
    'Doelstellingen: aanbod open voor alle partners; tien van de vijftien plaatsen bezet.',
    'Samenwerking: sterk gedeelde ambitie; de belangen van de lerarenopleiding kwamen laat aan bod.',
    'Organisatievorm: de academie als leiderorganisatie werkte efficiënt.',
    'Opbrengst: negen deelnemers rondden af en zetten lesson study in bij de begeleiding.',
    '',
    DEMO,
  ])
}
