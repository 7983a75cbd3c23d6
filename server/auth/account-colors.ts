/** The colour a new account gets: the editor's palette, in turn, so that people who join one after another look different. */
import { PALETTE } from '../../model/palette'

export const colorOfAccount = (accountsBefore: number): string => PALETTE[accountsBefore % PALETTE.length]?.value ?? '#1d4ed8'
