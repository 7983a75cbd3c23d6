/**
 * The starter draft of the Guerilla Manifesto: the first document on every new
 * install. Written for this project; it is meant to be argued with and rewritten
 * by the people who use it.
 */
import type { JSONContent } from '@tiptap/core'

export const MANIFESTO_ID = 'guerilla-manifesto'
export const MANIFESTO_TITLE = 'The Guerilla Manifesto'

const text = (value: string, marks?: string[]): JSONContent => ({
  type: 'text',
  text: value,
  ...(marks ? { marks: marks.map((type) => ({ type })) } : {}),
})
const heading = (level: number, value: string): JSONContent => ({ type: 'heading', attrs: { level }, content: [text(value)] })
const paragraph = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content })
const plain = (value: string) => paragraph(text(value))
const bullets = (...items: string[]): JSONContent => ({
  type: 'bulletList',
  content: items.map((item) => ({ type: 'listItem', content: [plain(item)] })),
})

export const MANIFESTO_CONTENT: JSONContent = {
  type: 'doc',
  content: [
    heading(1, MANIFESTO_TITLE),
    paragraph(text('A working draft, written in the open. Every line of it is up for discussion.', ['italic'])),

    heading(2, 'Preamble'),
    plain(
      'Most policy is still made the way it was a century ago: drafted by a handful of people in rooms the rest ' +
        'of us never see, then announced once it is too late to change. The people who rely on public services, ' +
        'and the people who run them every day, know things those rooms do not. At best they are consulted at ' +
        'the end, through forms built to be filled in rather than argued with.',
    ),
    plain(
      'We think that is the wrong way round. Good policy is made in public, with the people it touches, in a ' +
        'place where anyone can read every draft and follow every argument. This manifesto is written that way. ' +
        'It is a living document: its whole history is open to read, and anyone can propose a change to it.',
    ),

    heading(2, '1. Start in public'),
    plain(
      'Share the rough first draft, not the polished last one. A finished policy can only be cheered or opposed; ' +
        'an unfinished one can still be improved. Half-formed ideas are exactly where other people’s knowledge ' +
        'makes the biggest difference.',
    ),

    heading(2, '2. The people who use a service help write its rules'),
    plain(
      'Patients, tenants, parents, pupils, carers, and the staff who serve them are experts in their own ' +
        'experience. What they know belongs in a policy from its first line, not in an appendix summarised ' +
        'after the decisions have been taken.',
    ),

    heading(2, '3. Every idea gets an answer'),
    plain(
      'Nobody should be left wondering what happened to their suggestion. Each one is accepted, declined with ' +
        'a reason, or folded into something better, and the person who made it can see which, and why.',
    ),

    heading(2, '4. Credit travels with the words'),
    plain(
      'The words of a policy carry the names of the people who wrote them. Credit is not vanity: it is how a ' +
        'movement remembers who did the work, and how a newcomer finds out whom to ask.',
    ),

    heading(2, '5. The record stays open'),
    plain(
      'Every version remains readable. Anyone can set two drafts side by side, see who changed what and when, ' +
        'and trace an argument from its first suggestion to the final text. Nothing is quietly rewritten.',
    ),

    heading(2, '6. Disagree where everyone can see'),
    plain(
      'Argument is how a policy improves. An objection belongs next to the sentence it objects to, where all of ' +
        'us can weigh it, not in a private message that only a few people ever read.',
    ),

    heading(2, '7. Our tools belong to us'),
    plain(
      'The tools we write with should be ones we can run, inspect and change for ourselves. A movement should ' +
        'never need anyone’s permission to keep its own history.',
    ),

    heading(2, 'How to take part'),
    bullets(
      'Read the draft and its history. You do not need an account to read.',
      'Propose a change wherever you think the text can be better, and say why.',
      'Maintainers answer every proposal and record the reason for their decision.',
      'Follow the record of decisions to see how the text grows.',
    ),
  ],
}
