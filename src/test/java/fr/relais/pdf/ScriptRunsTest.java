package fr.relais.pdf;

import org.junit.jupiter.api.Test;

import java.text.Normalizer;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How a text is cut into pieces, each drawn by one shipped font. */
class ScriptRunsTest {
    static final ScriptRuns RUNS = new ScriptRuns(new Fonts());

    @Test
    void eachScriptGoesToAFontThatHasIt() {
        List<ScriptRuns.Piece> pieces = RUNS.pieces("李小龙 Lee", false);
        assertEquals(List.of("李小龙 ", "Lee"), pieces.stream().map(ScriptRuns.Piece::text).toList());
        assertEquals(List.of(Typeface.DROID_FALLBACK, Typeface.DEJAVU), pieces.stream().map(ScriptRuns.Piece::face).toList());
        assertEquals(Typeface.DEJAVU, RUNS.pieces("Дмитрий Γιώργος Nguyễn", false).get(0).face());
        assertEquals(1, RUNS.pieces("Дмитрий Γιώργος Nguyễn", false).size());
    }

    @Test
    void anArabicRunIsShapedKeptInLogicalOrderAndCarriesTheTextAsTyped() {
        List<ScriptRuns.Piece> pieces = RUNS.pieces("Pour : محمد.", false);
        assertEquals(3, pieces.size(), pieces.toString());
        ScriptRuns.Piece name = pieces.get(1);
        assertTrue(name.rightToLeft());
        assertEquals(Typeface.NOTO_ARABIC, name.face());
        // Initial, medial, medial, final forms of meem, hah, meem, dal.
        assertEquals("\uFEE3\uFEA4\uFEE4\uFEAA", name.text());
        assertEquals("محمد", name.actualText());
        assertEquals(".", pieces.get(2).text());
        assertFalse(pieces.get(0).rightToLeft());
        // A bracket Noto Sans Arabic lacks: the whole run in DejaVu Sans, which has both.
        assertEquals(Typeface.DEJAVU, RUNS.pieces("محمد (12)", false).get(0).face());
        assertEquals(Typeface.NOTO_HEBREW, RUNS.pieces("דוד כהן", true).get(0).face());
    }

    @Test
    void aCharacterNoFontHasBecomesAPlaceholderThatStandsForIt() {
        List<ScriptRuns.Piece> pieces = RUNS.pieces("Ana\uD83E\uDDFFLou", false);
        assertEquals(List.of("Ana", "\uFFFD", "Lou"), pieces.stream().map(ScriptRuns.Piece::text).toList());
        assertEquals("\uD83E\uDDFF", pieces.get(1).actualText());
        assertNull(pieces.get(0).actualText());
        // Linear B: no font either.
        assertEquals("\uFFFD", RUNS.pieces("\uD800\uDC00", false).get(0).text());
    }

    @Test
    void boldIsTheFontsOwnOrSimulatedAndInvisibleCharactersAreLeftOut() {
        ScriptRuns.Piece korean = RUNS.pieces("김민준", true).get(0);
        assertFalse(korean.boldWeight());
        assertTrue(korean.simulatedBold());
        ScriptRuns.Piece latin = RUNS.pieces("Marie", true).get(0);
        assertTrue(latin.boldWeight());
        assertFalse(latin.simulatedBold());
        // Letters typed with combining accents print as the accented letters; a zero-width joiner draws nothing.
        String decomposed = Normalizer.normalize("Nguyễn", Normalizer.Form.NFD);
        assertEquals("Nguyễn", RUNS.pieces(decomposed, false).get(0).text());
        assertEquals("ab", RUNS.pieces("a\u200Db", false).get(0).text());
        assertEquals(List.of(), RUNS.pieces("", false));
    }
}
