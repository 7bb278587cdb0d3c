package fr.relais.privacy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SensitiveDataGuardTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "1 85 05 78 006 084 91",         // NIR with spaces and a valid key
            "185057800608491",               // the same, compact
            "NIR : 2 69 05 49 588 157 80",   // another valid one inside a sentence
            "2 75 08 2A 123 456 36",          // Corsica, key computed with 2A = 19
            "sans clé 1 85 05 78 006 084"      // 13 characters in the NIR's shape
    })
    void socialSecurityNumbersAreRefused(String text) {
        assertEquals(SensitiveDataGuard.Finding.NIR, SensitiveDataGuard.find(text).orElse(null), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"FR76 3000 6000 0112 3456 7890 189", "iban FR7630006000011234567890189", "DE89 3704 0044 0532 0130 00"})
    void ibansAreRefused(String text) {
        assertEquals(SensitiveDataGuard.Finding.IBAN, SensitiveDataGuard.find(text).orElse(null), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"4970 1012 3456 7893", "carte 4111-1111-1111-1111", "5555555555554444"})
    void cardNumbersPassingLuhnAreRefused(String text) {
        assertEquals(SensitiveDataGuard.Finding.CARD, SensitiveDataGuard.find(text).orElse(null), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mdp: soleil", "MDP Soleil2024", "mot de passe = chat", "password: hunter2",
            "identifiant jean.dupont mot de passe: Azerty!1", "code secret 1234"})
    void passwordsAfterTheirKeywordAreRefused(String text) {
        assertEquals(SensitiveDataGuard.Finding.PASSWORD, SensitiveDataGuard.find(text).orElse(null), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "06 12 34 56 78", "+33 6 12 34 56 78", "0472000000",           // phone numbers
            "rendez-vous le 12/03/2026 à 14h30", "2026-03-12",            // dates
            "Aide pour réinitialiser son mot de passe",                    // the word, no value
            "mot de passe oublié, à refaire avec elle",
            "Dossier CAF, montant 1 250,50 €", "4970 1012 3456 7890",       // amount; a card-like number failing Luhn
            "1 85 05 78 006 084 99",                                       // NIR shape with a wrong key
            "Imprimer 3 pages", ""})
    void ordinaryNotesPass(String text) {
        assertTrue(SensitiveDataGuard.isClean(text), text);
    }
}
