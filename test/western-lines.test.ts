import { describe, expect, it } from 'vitest';
import { isDateLine, removeWesternLines, westernLineKind } from '../src/extract/western-lines';

describe('western-lines', () => {
  it('knows date-only lines', () => {
    expect(isDateLine('Updated 5:27 am CST, Wednesday, November 20, 2019')).toBe(true);
    expect(isDateLine('Nov. 18, 2019 7:04 pm ET')).toBe(true);
    expect(isDateLine('Erstellt am Dienstag 6. Mai 2014')).toBe(true);
    expect(isDateLine('Updated Nov 19, 6:55 AM;Posted Nov 19, 6:51 AM')).toBe(true);
    expect(isDateLine('23.10.2018')).toBe(true);
    expect(isDateLine('The vote was held on November 20, 2019.')).toBe(false);
    expect(isDateLine('11. Mai')).toBe(false);
  });

  it('knows credits, counters and labels, not sentences', () => {
    expect(westernLineKind('Photo: Hau Dinh, AP', false)).toBe('credit');
    expect(westernLineKind('(Image credit: Blue Origin)', false)).toBe('credit');
    expect(westernLineKind('Bild via Wikimedia Commons', false)).toBe('credit');
    expect(westernLineKind('Image 1 of / 8', false)).toBe('counter');
    expect(westernLineKind('- Anzeige -', false)).toBe('label');
    expect(westernLineKind('4 Min Read', false)).toBe('label');
    expect(westernLineKind('Photos of the flood show how high the water rose. Residents were evacuated.', false)).toBe(null);
    // A bare date is a dateline only among the first blocks; a labelled one anywhere.
    expect(westernLineKind('March 3, 2019', false)).toBe(null);
    expect(westernLineKind('March 3, 2019', true)).toBe('date');
    expect(westernLineKind('Published March 3, 2019', false)).toBe('date');
  });

  it('drops a leading breadcrumb list, a repeated caption and a caption credit, and keeps farther repeats', () => {
    document.body.innerHTML = `<div id="r">
      <ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/news/space">Spaceflight</a></li></ul>
      <figure><img src="a.jpg"><figcaption>A rocket stands on the pad at dawn before the launch. (AP Photo/Jane Doe)</figcaption></figure>
      <p>A rocket stands on the pad at dawn before the launch, ready for its first flight to orbit.</p>
      <p>A rocket stands on the pad at dawn before the launch, ready for its first flight to orbit.</p>
      <p>What was the hardest part of the mission for you and the team?</p><p>Answer one.</p><p>Answer two.</p><p>Answer three.</p>
      <p>What was the hardest part of the mission for you and the team?</p><p>Answer four.</p></div>`;
    const root = document.getElementById('r')!;
    removeWesternLines(root);
    const text = (root.textContent ?? '').replace(/\s+/g, ' ');
    expect(text).not.toContain('Spaceflight');
    expect(text).not.toContain('AP Photo');
    expect(text).toContain('before the launch.');
    expect(text.split('ready for its first flight').length).toBe(2);
    expect(text.split('hardest part').length).toBe(3);
  });

  it('cuts agency and © credits from captions, and drops a bare name / agency credit', () => {
    document.body.innerHTML = `<div id="r">
      <figure><img src="a.jpg"><figcaption>Ein Hermelin im Winterfell am Waldrand. (mlharing / iStock.com)</figcaption></figure>
      <p>Das Hermelin trägt im Winter ein weißes Fell und ist im Schnee kaum zu sehen.</p>
      <figure><img src="b.jpg"><figcaption>Mauerziegel auf einer Palette – © Jan Nowak – stock.adobe.com</figcaption></figure><p>Judy Eddy/WENN.com</p>
      <p>Im Frühjahr wechselt es zurück zu seinem braunen Sommerfell, das Wiesel sehr ähnlich sieht.</p>
      <figure><img src="c.jpg"><figcaption>Rathaus / Shutterstock</figcaption></figure>
      <figure><img src="d.jpg"><figcaption>Der Park nach dem Regen (Quelle: Stadt Musterhausen)</figcaption></figure>
      <p>Die Stadtverwaltung pflanzt im Park jedes Jahr neue Bäume, vor allem Linden und Eichen.</p></div>`;
    const root = document.getElementById('r')!;
    removeWesternLines(root);
    const text = (root.textContent ?? '').replace(/\s+/g, ' ');
    for (const credit of ['iStock', 'Jan Nowak', 'stock.adobe.com', 'WENN.com', 'Shutterstock', 'Quelle:']) expect(text).not.toContain(credit);
    expect(text).toContain('Ein Hermelin im Winterfell am Waldrand.');
    expect(text).toContain('Mauerziegel auf einer Palette');
    expect(text).toContain('Der Park nach dem Regen');
    expect(text).toContain('Linden und Eichen.');
  });
});
