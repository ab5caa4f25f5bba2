// Types for the LiveHook tags in JSX: props and `onlive-*` events are checked by tsc.
/// <reference types="@livehook/player/jsx" />
/// <reference types="@livehook/widgets/jsx" />
