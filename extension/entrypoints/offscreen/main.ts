/** Offscreen document: the background's DOM, for turning clipped HTML and whole pages into draft nodes. */
import { browser } from 'wxt/browser';
import { answerOffscreenRequests } from '../../clip/offscreen-requests';

answerOffscreenRequests(browser.runtime, document);
