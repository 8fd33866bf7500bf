/** Interface text of 定員と予約状況 (issue #22). */
export const CAPACITY_MESSAGES = {
  'nav.capacity': ['定員と予約状況', 'Capacity and bookings'],
  'capacity.title': ['定員と予約状況', 'Capacity and bookings'],
  'capacity.link': ['定員', 'Capacity'],
  'capacity.linkLabel': ['「{title}」の定員と予約状況', 'Capacity and bookings of “{title}”'],
  'capacity.lead': [
    '定員のある選択肢ごとの予約数です。取下げ・却下された申請の分は空きに戻ります。定員は増やすことも、予約済みの数まで減らすこともできます。',
    'Places taken per option with a capacity. Withdrawn and rejected applications give their places back. A capacity can be raised, or lowered to no less than the places taken.',
  ],
  'capacity.none': ['この手続には、定員のある選択肢がありません。', 'This procedure has no option with a capacity.'],
  'capacity.option': ['選択肢', 'Option'],
  'capacity.taken': ['予約 / 定員', 'Taken / capacity'],
  'capacity.takenText': ['{taken} / {capacity}', '{taken} / {capacity}'],
  'capacity.left': ['残り{n}', '{n} left'],
  'capacity.full': ['満員', 'Full'],
  'capacity.noLimit': ['定員なし', 'No limit'],
  'capacity.newCapacity': ['「{option}」の定員', 'Capacity of “{option}”'],
  'capacity.change': ['定員を変更', 'Change capacity'],
  'capacity.saved': ['「{option}」の定員を{capacity}にしました。', 'The capacity of “{option}” is now {capacity}.'],
  'capacity.bookings': ['予約した申請（{n}件）', 'Applications holding places ({n})'],
  'capacity.places': ['{n}人分', '{n} places'],
  'capacity.back': ['手続の一覧へ戻る', 'Back to procedures'],
} as const;
