/** Shows, while the person chooses, exactly how their avatar and caret will look to others. */
import { Avatar } from './Avatar'
import './identity-preview.css'

export function IdentityPreview({ name, color }: { readonly name: string; readonly color: string }) {
  const shown = name === '' ? 'You' : name
  return (
    <div className="identity-preview" aria-hidden="true">
      <Avatar name={shown} color={color} size="lg" />
      <p className="identity-preview__line">
        We hold these truths
        <span className="identity-preview__caret" style={{ borderColor: color }}>
          <span className="identity-preview__label" style={{ backgroundColor: color }}>
            {shown}
          </span>
        </span>
      </p>
    </div>
  )
}
