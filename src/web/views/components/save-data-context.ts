/**
 * Whether the page is made for a browser asking to save data (`Save-Data:
 * on`, web/save-data.ts): images then offer only their smallest width
 * (responsive-image.tsx). Layout provides it to the page's content.
 */
import { createContext } from 'preact';

export const SaveData = createContext(false);
