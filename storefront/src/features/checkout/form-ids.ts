/** The course page's purchase form: bundle buttons join it with form="buy-form". */
export const BUY_FORM_ID = 'buy-form';
