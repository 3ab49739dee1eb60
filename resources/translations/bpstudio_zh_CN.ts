<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ClassifyGallery</name>
    <message>
        <location filename="../../bpstudio/widgets/classify_gallery.py" line="177"/>
        <source>The test set could not be classified ({why}).</source>
        <translation>无法识别测试集（{why}）。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/classify_gallery.py" line="182"/>
        <source>centre crop</source>
        <translation>居中裁剪</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/classify_gallery.py" line="183"/>
        <source>squash</source>
        <translation>压缩变形</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/classify_gallery.py" line="184"/>
        <source>centre crop: cut the middle square, then resize; squash: resize the whole picture to a square</source>
        <translation>居中裁剪：截取中间的正方形再缩放；压缩变形：把整张图片缩放成正方形</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/classify_gallery.py" line="186"/>
        <source>Preprocessing</source>
        <translation>预处理</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/classify_gallery.py" line="187"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/classify_gallery.py" line="188"/>
        <source>Drop pictures anywhere on the window, use File → Open images…, or paste one with Ctrl+V.</source>
        <translation>把图片拖到窗口任意位置，或用“文件 → 打开图片…”，或按 Ctrl+V 粘贴。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/classify_gallery.py" line="190"/>
        <source>Train it now</source>
        <translation>现在训练</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/classify_gallery.py" line="191"/>
        <source>only the misclassified</source>
        <translation>只看分错的</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/classify_gallery.py" line="192"/>
        <source>Your images</source>
        <translation>你的图片</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/classify_gallery.py" line="193"/>
        <source>Test set</source>
        <translation>测试集</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/classify_gallery.py" line="204"/>
        <source>input {shape}, cropped</source>
        <translation>输入 {shape}，已裁剪</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/classify_gallery.py" line="205"/>
        <source>input {shape}, squashed</source>
        <translation>输入 {shape}，已压缩变形</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/classify_gallery.py" line="237"/>
        <source>This network is untrained: its probabilities are noise.</source>
        <translation>这个网络还没有训练：它给出的概率只是噪声。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/classify_gallery.py" line="258"/>
        <source>The test set gallery shows image data sets.</source>
        <translation>测试集图库只显示图像数据集。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/classify_gallery.py" line="263"/>
        <source>Classifying the test images…</source>
        <translation>正在识别测试图片……</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/classify_gallery.py" line="288"/>
        <source> ✗ (it is {truth})</source>
        <translation> ✗（实际是 {truth}）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/classify_gallery.py" line="294"/>
        <source>{w} of {n} test images misclassified (accuracy {a}); orange frame = wrong</source>
        <translation>{n} 张测试图片中有 {w} 张分错（准确率 {a}）；橙色边框表示分错</translation>
    </message>
</context>
<context>
    <name>ClassifySession</name>
    <message>
        <location filename="../../bpstudio/session/classify.py" line="75"/>
        <source>The gallery could not be classified again ({why}).</source>
        <translation>无法重新识别图库中的图片（{why}）。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/classify.py" line="98"/>
        <source>{name}: no images in this folder</source>
        <translation>{name}：这个文件夹里没有图片</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/classify.py" line="101"/>
        <source>{name}: took the first {k} of {n} images; {s} skipped</source>
        <translation>{name}：取了 {n} 张图片中的前 {k} 张；跳过 {s} 张</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/classify.py" line="116"/>
        <source>{name}: no such file</source>
        <translation>{name}：文件不存在</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/classify.py" line="118"/>
        <source>{name}: not an image, a data set (.h5 or .csv), a model (.npz) or a session (.bpstudio)</source>
        <translation>{name}：不是图片、数据集（.h5 或 .csv）、模型（.npz）或会话（.bpstudio）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/classify.py" line="146"/>
        <source>The clipboard holds no image.</source>
        <translation>剪贴板里没有图片。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/classify.py" line="181"/>
        <source>This network takes numbers, not images: open the cat data set (File → Open data set…) to classify pictures.</source>
        <translation>这个网络的输入是数字而不是图片：请先打开猫数据集（文件 → 打开数据集…）再识别图片。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/classify.py" line="196"/>
        <source>{name}: cannot read this image ({why})</source>
        <translation>{name}：无法读取这张图片（{why}）</translation>
    </message>
</context>
<context>
    <name>CostPlot</name>
    <message>
        <location filename="../../bpstudio/widgets/cost_plot.py" line="71"/>
        <source>log scale (cost)</source>
        <translation>对数刻度（代价）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/cost_plot.py" line="72"/>
        <source>cost C per iteration</source>
        <translation>每次迭代的代价 C</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/cost_plot.py" line="73"/>
        <source>accuracy (threshold 0.5)</source>
        <translation>准确率（阈值 0.5）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/cost_plot.py" line="74"/>
        <source>‖dW[l]‖ per layer</source>
        <translation>各层的 ‖dW[l]‖</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/cost_plot.py" line="76"/>
        <source>iteration</source>
        <translation>迭代</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/cost_plot.py" line="77"/>
        <source>train cost</source>
        <translation>训练代价</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/cost_plot.py" line="78"/>
        <source>test cost</source>
        <translation>测试代价</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/cost_plot.py" line="79"/>
        <source>train</source>
        <translation>训练集</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/cost_plot.py" line="79"/>
        <source>test</source>
        <translation>测试集</translation>
    </message>
</context>
<context>
    <name>EquationPanel</name>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="162"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="162"/>
        <source>◀ Previous</source>
        <translation>◀ 上一步</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="163"/>
        <source>Next ▶</source>
        <translation>下一步 ▶</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="163"/>
        <source>End of iteration</source>
        <translation>迭代结束</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="164"/>
        <source>Forward pass</source>
        <translation>前向传播</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="165"/>
        <source>Backward pass</source>
        <translation>反向传播</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="165"/>
        <source>Update</source>
        <translation>参数更新</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="167"/>
        <source>back to the start of the iteration (Home)</source>
        <translation>回到本次迭代的开头（Home）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="168"/>
        <source>previous step (← or Page Up)</source>
        <translation>上一步（← 或 Page Up）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="169"/>
        <source>next step (Space, → or Page Down)</source>
        <translation>下一步（空格、→ 或 Page Down）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="170"/>
        <source>one sample</source>
        <translation>单个样本</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="171"/>
        <source>whole batch</source>
        <translation>整批样本</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="172"/>
        <source>one sample: vectors, the seed&apos;s single-sample table; the whole batch: matrices, its multi-sample table</source>
        <translation>单个样本：向量，对应原文的单样本公式表；整批样本：矩阵，对应多样本公式表</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="174"/>
        <source>which training sample</source>
        <translation>第几个训练样本</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="175"/>
        <source>Why this equation?</source>
        <translation>为什么是这个公式？</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="183"/>
        <source>weighted input</source>
        <translation>加权输入</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="183"/>
        <source>activation</source>
        <translation>激活值</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="183"/>
        <source>output-layer error</source>
        <translation>输出层误差</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="184"/>
        <source>hidden-layer error</source>
        <translation>隐含层误差</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="184"/>
        <source>bias gradient</source>
        <translation>参数变化率</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="184"/>
        <source>weight gradient</source>
        <translation>参数变化率</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="185"/>
        <source>bias update</source>
        <translation>参数更新</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="185"/>
        <source>weight update</source>
        <translation>参数更新</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="185"/>
        <source>error passed back</source>
        <translation>误差反向传递</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="186"/>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="193"/>
        <source>cost</source>
        <translation>代价</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="187"/>
        <source>gradient of the cost</source>
        <translation>代价对输出的导数</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="193"/>
        <source>forward pass</source>
        <translation>前向传播</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="194"/>
        <source>backward pass</source>
        <translation>反向传播</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="194"/>
        <source>update</source>
        <translation>参数更新</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="198"/>
        <source>matrix product, then broadcast add</source>
        <translation>矩阵乘积，再广播相加</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="199"/>
        <source>matrix product</source>
        <translation>矩阵乘积</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="200"/>
        <source>element-wise ⊙</source>
        <translation>逐元素相乘 ⊙</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="200"/>
        <source>broadcast add</source>
        <translation>广播相加</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="201"/>
        <source>function</source>
        <translation>函数</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="201"/>
        <source>sum over columns</source>
        <translation>按列求和</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="202"/>
        <source> and </source>
        <translation>和</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="208"/>
        <source>b[{l}] is one column, added to each of the m columns (broadcast)</source>
        <translation>b[{l}] 只有一列，被加到 m 列中的每一列上（广播）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="212"/>
        <source>for sigmoid with cross-entropy this is exactly A − Y, computed so, which stays finite where dA is infinite</source>
        <translation>sigmoid 配合交叉熵时恰好等于 A − Y，程序就这样计算；即使 dA 为无穷大，它也保持有限</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="215"/>
        <source>the sum over the m columns, divided by m (the seed&apos;s table writes 1/m × a mean, which would divide twice)</source>
        <translation>对 m 列求和再除以 m（原文表格写成 1/m 乘以平均值，那样会除两次）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="218"/>
        <source>m = {m}: the product sums over the samples, 1/m averages</source>
        <translation>m = {m}：矩阵乘积对样本求和，1/m 取平均</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="220"/>
        <source>a matrix product (the seed&apos;s table writes ⊙): the error flows back along the transposed weights</source>
        <translation>这是矩阵乘积（原文表格写成了 ⊙）：误差沿着转置后的权重反向流动</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="223"/>
        <source>per sample: the 1/m comes in eq. 5 and 6</source>
        <translation>按样本计算：1/m 在公式 5 和 6 中出现</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="229"/>
        <source>Step forward with → or Space; F1 explains the equation on screen.</source>
        <translation>按 → 或空格向前一步；F1 解释屏幕上的公式。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="231"/>
        <source>Each neuron adds up its inputs, each weighted by its row of W[l]: that row times the column A[l−1] is the · product. Then it adds its bias; b[l] has one number per neuron, so the same bias is added to every sample: a broadcast.</source>
        <translation>每个神经元把输入按 W[l] 中自己那一行加权求和：这一行乘以 A[l−1] 的一列，就是矩阵乘积 ·。再加上偏置；b[l] 每个神经元只有一个数，所以同一个偏置加到每个样本上：这就是广播。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="234"/>
        <source>Without a non-linear σ, stacked layers would collapse into one linear map; σ lets the network bend its decision boundary.</source>
        <translation>没有非线性的 σ，多层叠加只相当于一个线性变换；σ 让网络的决策边界可以弯曲。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="236"/>
        <source>The output error is how the cost changes with z. The chain rule multiplies ∂C/∂a by σ′(z) neuron by neuron, each with its own slope: hence the element-wise ⊙, not a matrix product.</source>
        <translation>输出层误差是代价随 z 的变化率。链式法则把 ∂C/∂a 与 σ′(z) 逐个神经元相乘，每个神经元有自己的斜率：所以是逐元素相乘 ⊙，而不是矩阵乘积。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="239"/>
        <source>A hidden neuron&apos;s error is the error passed back to it, dA = W[l+1]ᵀ·dZ[l+1] (eq. 9: the transpose sends each error back along the weights it came through), times its own slope σ′(z), neuron by neuron: ⊙.</source>
        <translation>隐含层神经元的误差，是反向传回给它的误差 dA = W[l+1]ᵀ·dZ[l+1]（公式 9：转置让每个误差沿着它来时的权重返回），再逐个神经元乘以它自己的斜率 σ′(z)：⊙。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="242"/>
        <source>A bias feeds every sample, so its gradient adds the errors over the m columns; 1/m makes it the average over the batch, so the step does not grow with m.</source>
        <translation>偏置作用于每个样本，所以它的梯度要把 m 列的误差加起来；1/m 把它变成整批的平均值，步长就不会随 m 增大。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="244"/>
        <source>Weight w_jk joins input k to neuron j, so its gradient is neuron j&apos;s error times input k&apos;s activation, summed over the samples: dZ·A[l−1]ᵀ does every pair at once, and 1/m averages.</source>
        <translation>权重 w_jk 连接输入 k 和神经元 j，所以它的梯度是神经元 j 的误差乘以输入 k 的激活值，再对样本求和：dZ·A[l−1]ᵀ 一次算出所有组合，1/m 取平均。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="247"/>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="249"/>
        <source>Gradient descent: step against the gradient, scaled by the learning rate α. Too large an α overshoots and diverges; too small crawls.</source>
        <translation>梯度下降：沿梯度的反方向走一步，步长由学习率 α 决定。α 太大会冲过头甚至发散；太小则进展缓慢。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="251"/>
        <source>Why the transpose: W[l] carries layer l−1 forward to layer l. Going back, each neuron of layer l−1 collects the errors of the neurons it feeds, weighted by the same weights: that is the product with W[l]ᵀ.</source>
        <translation>为什么要转置：W[l] 把第 l−1 层向前传到第 l 层。反向时，第 l−1 层的每个神经元收集它所连接的神经元的误差，用的是同样的权重：这正是乘以 W[l]ᵀ。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="258"/>
        <source>Cross-entropy punishes confident wrong answers hard, and with a sigmoid output it gives the simple error A − Y.</source>
        <translation>交叉熵重罚自信的错误答案；配合 sigmoid 输出时，它给出简单的误差 A − Y。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="260"/>
        <source>∂C/∂A[L]: how the cost changes with each output; eq. 3 turns it into the output layer&apos;s error.</source>
        <translation>∂C/∂A[L]：代价随每个输出的变化率；公式 3 把它变成输出层误差。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="310"/>
        <source>Training is running; stepping waits until it stops.</source>
        <translation>正在训练；训练停止后才能单步演示。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="319"/>
        <source>Laying out iteration {i} of a network with {n} weights…</source>
        <translation>正在展开一个有 {n} 个权重的网络的第 {i} 次迭代…</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="322"/>
        <source>Iteration {i} of a network with {n} weights. Press → or Space to lay it out and begin.</source>
        <translation>第 {i} 次迭代，网络共有 {n} 个权重。按 → 或空格键展开本次迭代并开始。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="337"/>
        <source>; its backward pass assumes y = 1)</source>
        <translation>；反向传播假设 y = 1）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="338"/>
        <source>Iteration {i}: {n} steps on {m} sample(s){who}. Press → or Space to begin.</source>
        <translation>第 {i} 次迭代：{m} 个样本上的 {n} 个步骤{who}。按 → 或空格开始。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="365"/>
        <source>forward pass, cost, backward pass, update — one equation at a time</source>
        <translation>前向传播、代价、反向传播、参数更新——一次一个公式</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="343"/>
        <source> · layer {l}</source>
        <translation> · 第 {l} 层</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="344"/>
        <source>Step {k} of {n}</source>
        <translation>第 {k} / {n} 步</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/equation_panel.py" line="356"/>
        <source>Step {k} of {n}. {title}. {formula}. Operands: {operands}. Result: {result}.</source>
        <translation>第 {k} / {n} 步。{title}。{formula}。操作数：{operands}。结果：{result}。</translation>
    </message>
</context>
<context>
    <name>FileLoader</name>
    <message>
        <location filename="../../bpstudio/session/loading.py" line="73"/>
        <source>Stopped reading {name}; nothing was changed.</source>
        <translation>已停止读取 {name}；什么都没有改动。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/loading.py" line="124"/>
        <source>{name}: not enough memory to read it</source>
        <translation>{name}：可用内存太少，无法读取</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/loading.py" line="128"/>
        <source>{name}: cannot be read ({why})</source>
        <translation>{name}：无法读取（{why}）</translation>
    </message>
</context>
<context>
    <name>LayerEditor</name>
    <message>
        <location filename="../../bpstudio/widgets/layer_editor.py" line="140"/>
        <source>Presets…</source>
        <translation>预设…</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/layer_editor.py" line="141"/>
        <source>Seed figure 4 (3–2–1)</source>
        <translation>原文图 4（3–2–1）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/layer_editor.py" line="141"/>
        <source>Two-layer (12288–7–1)</source>
        <translation>两层网络（12288–7–1）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/layer_editor.py" line="142"/>
        <source>Four-layer (12288–20–7–5–1)</source>
        <translation>四层网络（12288–20–7–5–1）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/layer_editor.py" line="143"/>
        <source>Circle: x₁², x₂², no hidden layer</source>
        <translation>圆形：x₁²、x₂²，无隐藏层</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/layer_editor.py" line="144"/>
        <source>XOR: x₁x₂, no hidden layer</source>
        <translation>异或：x₁x₂，无隐藏层</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/layer_editor.py" line="145"/>
        <source>Two Gaussians: x₁, x₂, no hidden layer</source>
        <translation>两团高斯：x₁、x₂，无隐藏层</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/layer_editor.py" line="146"/>
        <source>Two moons: x₁, x₂, 8 tanh neurons</source>
        <translation>双月：x₁、x₂，8 个 tanh 神经元</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/layer_editor.py" line="147"/>
        <source>Spiral: all seven features, 8–8–4 tanh</source>
        <translation>螺旋：全部七个特征，8–8–4 tanh</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/layer_editor.py" line="150"/>
        <source>Three features (for the seed&apos;s 3–2–1 network)</source>
        <translation>三个特征（用于原文的 3–2–1 网络）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/layer_editor.py" line="151"/>
        <source>Circle (2-D)</source>
        <translation>圆形（二维）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/layer_editor.py" line="151"/>
        <source>XOR (2-D)</source>
        <translation>异或（二维）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/layer_editor.py" line="152"/>
        <source>Two Gaussians (2-D)</source>
        <translation>两个高斯分布（二维）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/layer_editor.py" line="152"/>
        <source>Spiral (2-D)</source>
        <translation>螺旋（二维）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/layer_editor.py" line="153"/>
        <source>Two moons (2-D)</source>
        <translation>双月（二维）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/layer_editor.py" line="156"/>
        <source>a data set from a file</source>
        <translation>来自文件的数据集</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/layer_editor.py" line="157"/>
        <source>Preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/layer_editor.py" line="158"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/layer_editor.py" line="159"/>
        <source>Layers</source>
        <translation>网络层</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/layer_editor.py" line="160"/>
        <source>Add hidden layer</source>
        <translation>添加隐含层</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/layer_editor.py" line="161"/>
        <source>Hidden layers take 1 to {n} neurons. Changing the network re-initialises it; Ctrl+Z brings the trained one back.</source>
        <translation>隐含层可有 1 到 {n} 个神经元。修改网络会重新初始化参数；按 Ctrl+Z 可恢复训练好的网络。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/layer_editor.py" line="164"/>
        <source>Hyper-parameters</source>
        <translation>超参数</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/layer_editor.py" line="166"/>
        <source>Learning rate α</source>
        <translation>学习率 α</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/layer_editor.py" line="166"/>
        <source>Iterations</source>
        <translation>迭代次数</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/layer_editor.py" line="166"/>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/layer_editor.py" line="166"/>
        <source>L2 λ</source>
        <translation>L2 正则 λ</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/layer_editor.py" line="167"/>
        <source>Initialiser</source>
        <translation>初始化方法</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/layer_editor.py" line="167"/>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/layer_editor.py" line="167"/>
        <source>Precision</source>
        <translation>精度</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/layer_editor.py" line="167"/>
        <source>Cost</source>
        <translation>代价函数</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/layer_editor.py" line="169"/>
        <source>learning rate α on a log scale, 10⁻⁵ … 10</source>
        <translation>对数刻度的学习率 α，10⁻⁵ … 10</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/layer_editor.py" line="170"/>
        <source>full batch</source>
        <translation>整批</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/layer_editor.py" line="171"/>
        <source>float64 (exact)</source>
        <translation>float64（精确）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/layer_editor.py" line="172"/>
        <source>float32 (fast)</source>
        <translation>float32（快速）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/layer_editor.py" line="173"/>
        <source>binary cross-entropy</source>
        <translation>二元交叉熵</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/layer_editor.py" line="173"/>
        <source>mean squared error</source>
        <translation>均方误差</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/layer_editor.py" line="214"/>
        <source>{shape} images</source>
        <translation>{shape} 的图像</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/layer_editor.py" line="215"/>
        <source>{n} features</source>
        <translation>{n} 个特征</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/layer_editor.py" line="217"/>
        <source>{name}: {train} training and {test} test samples, {kind}</source>
        <translation>{name}：{train} 个训练样本和 {test} 个测试样本，{kind}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/layer_editor.py" line="234"/>
        <source>input</source>
        <translation>输入层</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/layer_editor.py" line="235"/>
        <source>{n} (from the data)</source>
        <translation>{n}（由数据决定）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/layer_editor.py" line="242"/>
        <source>output</source>
        <translation>输出层</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/layer_editor.py" line="243"/>
        <source>layer {l}</source>
        <translation>第 {l} 层</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/layer_editor.py" line="249"/>
        <source>the output is one unit for a yes/no task</source>
        <translation>是/否任务的输出只有一个神经元</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/layer_editor.py" line="250"/>
        <source>neurons in layer {l} (1–{n})</source>
        <translation>第 {l} 层的神经元个数（1–{n}）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/layer_editor.py" line="258"/>
        <source>cross-entropy needs a sigmoid output</source>
        <translation>交叉熵要求输出层使用 sigmoid</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/layer_editor.py" line="266"/>
        <source>remove layer {l}</source>
        <translation>删除第 {l} 层</translation>
    </message>
</context>
<context>
    <name>LessonStore</name>
    <message>
        <location filename="../../bpstudio/session/lesson.py" line="287"/>
        <source>{name}: the data set changed since this session was saved; the numbers may differ.</source>
        <translation>{name}：保存这个会话之后数据集已经改变；数值可能不同。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/lesson.py" line="228"/>
        <source>Still saving; a moment, please.</source>
        <translation>还在保存；请稍候。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/lesson.py" line="232"/>
        <source>Saving {name}…</source>
        <translation>正在保存 {name}……</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/lesson.py" line="256"/>
        <source>{name}: could not save ({why})</source>
        <translation>{name}：无法保存（{why}）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/lesson.py" line="264"/>
        <source>Saved {name}.</source>
        <translation>已保存 {name}。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/lesson.py" line="315"/>
        <location filename="../../bpstudio/session/lesson.py" line="318"/>
        <source>Autosave failed: {why}</source>
        <translation>自动保存失败：{why}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/lesson.py" line="348"/>
        <source>The autosave cannot be restored ({why}); it was set aside as {file}.</source>
        <translation>自动保存无法恢复（{why}）；已另存为 {file}。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/lesson.py" line="357"/>
        <source>the autosave</source>
        <translation>自动保存</translation>
    </message>
</context>
<context>
    <name>LoadProgress</name>
    <message>
        <location filename="../../bpstudio/widgets/load_progress.py" line="48"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/load_progress.py" line="51"/>
        <source>Stop reading (Esc); nothing is changed</source>
        <translation>停止读取（Esc）；什么都不会改动</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/load_progress.py" line="59"/>
        <source>Reading {name}…</source>
        <translation>正在读取 {name}…</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/load_progress.py" line="72"/>
        <source>, about {s} s left</source>
        <translation>，约剩 {s} 秒</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/load_progress.py" line="74"/>
        <source>Reading {name}: {k} of {n} images{eta}</source>
        <translation>正在读取 {name}：{k} / {n} 张图片{eta}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/load_progress.py" line="77"/>
        <source>Reading {name}: {k} of {n} MB{eta}</source>
        <translation>正在读取 {name}：{k} / {n} MB{eta}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../bpstudio/app/main_window.py" line="255"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/main_window.py" line="255"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/main_window.py" line="256"/>
        <location filename="../../bpstudio/app/main_window.py" line="283"/>
        <source>&amp;Train</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/main_window.py" line="256"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/main_window.py" line="257"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/main_window.py" line="258"/>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/main_window.py" line="259"/>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/main_window.py" line="260"/>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/main_window.py" line="261"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/main_window.py" line="264"/>
        <source>&amp;Open data set…</source>
        <translation>打开数据集(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/main_window.py" line="265"/>
        <source>Open data &amp;folder…</source>
        <translation>打开数据文件夹(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/main_window.py" line="266"/>
        <source>Open &amp;CSV data…</source>
        <translation>打开 &amp;CSV 数据…</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/main_window.py" line="267"/>
        <source>Open a folder of &amp;class folders…</source>
        <translation>打开按类别分文件夹的图片(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/main_window.py" line="268"/>
        <source>Open &amp;images…</source>
        <translation>打开图片(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/main_window.py" line="269"/>
        <source>Open &amp;model…</source>
        <translation>打开模型(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/main_window.py" line="270"/>
        <source>Open &amp;session…</source>
        <translation>打开会话(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/main_window.py" line="271"/>
        <source>&amp;Save session</source>
        <translation>保存会话(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/main_window.py" line="272"/>
        <source>Save session &amp;as…</source>
        <translation>会话另存为(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/main_window.py" line="273"/>
        <source>Diagram as PNG…</source>
        <translation>网络图导出为 PNG…</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/main_window.py" line="274"/>
        <source>Diagram as SVG…</source>
        <translation>网络图导出为 SVG…</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/main_window.py" line="275"/>
        <source>Plots as PNG…</source>
        <translation>曲线图导出为 PNG…</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/main_window.py" line="276"/>
        <source>Plots as SVG…</source>
        <translation>曲线图导出为 SVG…</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/main_window.py" line="277"/>
        <source>Cost curve as CSV…</source>
        <translation>代价曲线导出为 CSV…</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/main_window.py" line="278"/>
        <source>Current step&apos;s matrices as CSV…</source>
        <translation>当前步骤的矩阵导出为 CSV…</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/main_window.py" line="279"/>
        <source>Model as .npz…</source>
        <translation>模型导出为 .npz…</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/main_window.py" line="280"/>
        <source>Training log as CSV…</source>
        <translation>训练记录导出为 CSV…</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/main_window.py" line="281"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/main_window.py" line="282"/>
        <source>&amp;Paste image</source>
        <translation>粘贴图片(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/main_window.py" line="284"/>
        <source>&amp;Pause / resume</source>
        <translation>暂停 / 继续(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/main_window.py" line="285"/>
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/main_window.py" line="286"/>
        <source>&amp;One iteration</source>
        <translation>单次迭代(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/main_window.py" line="287"/>
        <source>&amp;Reset parameters</source>
        <translation>重置参数(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/main_window.py" line="288"/>
        <source>&amp;Fit diagram</source>
        <translation>网络图适应窗口(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/main_window.py" line="289"/>
        <source>&amp;Why this equation? (F1)</source>
        <translation>为什么是这个公式？(&amp;W)（F1）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/main_window.py" line="293"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/main_window.py" line="294"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/main_window.py" line="295"/>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/main_window.py" line="295"/>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/main_window.py" line="296"/>
        <source>Projector (high contrast)</source>
        <translation>投影（高对比度）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/main_window.py" line="299"/>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/main_window.py" line="300"/>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/main_window.py" line="301"/>
        <source>Classify</source>
        <translation>识别</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/main_window.py" line="303"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/main_window.py" line="304"/>
        <source>Discard</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/main_window.py" line="318"/>
        <source>untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/main_window.py" line="329"/>
        <source>Opened {name}.</source>
        <translation>已打开 {name}。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/main_window.py" line="330"/>
        <source>Restored the autosaved work.</source>
        <translation>已恢复自动保存的工作。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/main_window.py" line="334"/>
        <source>Open a session</source>
        <translation>打开会话</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/main_window.py" line="335"/>
        <location filename="../../bpstudio/app/main_window.py" line="351"/>
        <source>Sessions (*.bpstudio)</source>
        <translation>会话 (*.bpstudio)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/main_window.py" line="350"/>
        <source>Save the session</source>
        <translation>保存会话</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/main_window.py" line="366"/>
        <source>(none yet)</source>
        <translation>（还没有）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/main_window.py" line="376"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/main_window.py" line="384"/>
        <source>{name}: could not export ({why})</source>
        <translation>{name}：无法导出（{why}）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/main_window.py" line="387"/>
        <source>Exported {name}.</source>
        <translation>已导出 {name}。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/main_window.py" line="398"/>
        <source>Export the current step&apos;s matrices into</source>
        <translation>把当前步骤的矩阵导出到</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/main_window.py" line="405"/>
        <source>No step yet: press → to take the first one.</source>
        <translation>还没有步骤：按 → 走第一步。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/main_window.py" line="408"/>
        <source>Exported {n} matrices to {folder}.</source>
        <translation>已把 {n} 个矩阵导出到 {folder}。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/main_window.py" line="427"/>
        <source>BP Studio did not close properly last time. Restore the work autosaved at {time}?</source>
        <translation>BP Studio 上次没有正常关闭。要恢复 {time} 自动保存的工作吗？</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/main_window.py" line="449"/>
        <source>Open the cat data set (either .h5 file)</source>
        <translation>打开猫数据集（任一 .h5 文件）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/main_window.py" line="451"/>
        <source>HDF5 data (*.h5 *.hdf5);;All files (*)</source>
        <translation>HDF5 数据 (*.h5 *.hdf5);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/main_window.py" line="458"/>
        <source>Open the folder holding the cat data set</source>
        <translation>打开存放猫数据集的文件夹</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/main_window.py" line="465"/>
        <source>Open CSV data: feature columns and a 0/1 label column</source>
        <translation>打开 CSV 数据：若干特征列和一列 0/1 标签</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/main_window.py" line="466"/>
        <source>CSV (*.csv *.txt);;All files (*)</source>
        <translation>CSV (*.csv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/main_window.py" line="472"/>
        <source>A folder with one sub-folder of images per class (e.g. cat/, not-cat/)</source>
        <translation>每个类别一个子文件夹的图片文件夹（例如 cat/、not-cat/）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/main_window.py" line="475"/>
        <source>Image size</source>
        <translation>图片尺寸</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/main_window.py" line="476"/>
        <source>Resize every image to N×N pixels:</source>
        <translation>把每张图片缩放为 N×N 像素：</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/main_window.py" line="483"/>
        <source>Open images to classify</source>
        <translation>打开要分类的图片</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/main_window.py" line="484"/>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.gif *.webp *.tif *.tiff);;All files (*)</source>
        <translation>图片 (*.png *.jpg *.jpeg *.bmp *.gif *.webp *.tif *.tiff);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/main_window.py" line="489"/>
        <source>Open a model</source>
        <translation>打开模型</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/main_window.py" line="490"/>
        <source>Models (*.npz)</source>
        <translation>模型 (*.npz)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/main_window.py" line="554"/>
        <source>Drawing the new network&apos;s initial weights…</source>
        <translation>正在生成新网络的初始权重…</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/main_window.py" line="643"/>
        <source>Unsaved training</source>
        <translation>训练结果未保存</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/main_window.py" line="644"/>
        <source>Save the trained network before closing?</source>
        <translation>关闭前保存训练好的网络吗？</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/main_window.py" line="646"/>
        <source>{n} iterations of training are not saved in a session file; without saving they are lost.</source>
        <translation>已训练的 {n} 次迭代尚未保存到会话文件；不保存将会丢失。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/main_window.py" line="649"/>
        <source>Training is still running; closing stops it.</source>
        <translation>训练仍在进行；关闭会停止训练。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/main_window.py" line="652"/>
        <source>Do not ask again</source>
        <translation>不再询问</translation>
    </message>
</context>
<context>
    <name>MatrixView</name>
    <message>
        <location filename="../../bpstudio/widgets/matrix_view.py" line="157"/>
        <source>1 in {k} rows</source>
        <translation>每 {k} 行取 1 行</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/matrix_view.py" line="157"/>
        <source>1 in {k} columns</source>
        <translation>每 {k} 列取 1 列</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/matrix_view.py" line="163"/>
        <source>showing {what}</source>
        <translation>显示{what}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/matrix_view.py" line="163"/>
        <source> and </source>
        <translation>和</translation>
    </message>
</context>
<context>
    <name>NetworkDiagram</name>
    <message>
        <location filename="../../bpstudio/widgets/network_diagram.py" line="134"/>
        <source>⋮ {n} more</source>
        <translation>⋮ 另有 {n} 个</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/network_diagram.py" line="198"/>
        <source>input</source>
        <translation>输入层</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/network_diagram.py" line="198"/>
        <source>output</source>
        <translation>输出层</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/network_diagram.py" line="199"/>
        <source>layer {l}</source>
        <translation>第 {l} 层</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/network_diagram.py" line="202"/>
        <source>max |w| {w}</source>
        <translation>最大 |w| {w}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/network_diagram.py" line="216"/>
        <source>mean of {n} weights of W[{l}] (bundle of hidden neurons) = {v}</source>
        <translation>W[{l}] 中 {n} 个权重的平均值（未画出的神经元的汇总连线）= {v}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/network_diagram.py" line="381"/>
        <source>{name} over the plane</source>
        <translation>{name} 在平面上的取值</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/network_diagram.py" line="394"/>
        <source>each neuron: its activation over the input plane (bigger under the mouse)</source>
        <translation>每个神经元：它在输入平面上的激活值（鼠标悬停时放大）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/network_diagram.py" line="396"/>
        <source>neuron colour: its activation a for the current sample</source>
        <translation>神经元颜色：当前样本的激活值 a</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/network_diagram.py" line="398"/>
        <source>width and opacity ∝ |w| / max |w| of the layer (under each layer) · {neurons}</source>
        <translation>线宽和深浅 ∝ |w| / 该层最大 |w|（标在每层下方）· {neurons}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/network_diagram.py" line="401"/>
        <source>current sample: {name} · scroll to zoom, drag to pan, double-click to fit</source>
        <translation>当前样本：{name} · 滚轮缩放，拖动平移，双击适应窗口</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/network_diagram.py" line="409"/>
        <source>W[1] row {j} as {shape}: what neuron {j} of layer 1 looks for (grey 0, bright +, dark −)</source>
        <translation>W[1] 第 {j} 行显示为 {shape}：第 1 层第 {j} 个神经元在找什么（灰色为 0，亮为正，暗为负）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/network_diagram.py" line="454"/>
        <source>{n} neurons of layer {l} not drawn</source>
        <translation>第 {l} 层有 {n} 个神经元没有画出</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/network_diagram.py" line="466"/>
        <source>click: see its weights as an image</source>
        <translation>点击：把它的权重显示为图像</translation>
    </message>
</context>
<context>
    <name>NetworkModel</name>
    <message>
        <location filename="../../bpstudio/session/network_model.py" line="153"/>
        <source>your image {name}</source>
        <translation>你的图片 {name}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/network_model.py" line="155"/>
        <source>#{k} of the training set ({label})</source>
        <translation>训练集第 {k} 个（{label}）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/network_model.py" line="244"/>
        <location filename="../../bpstudio/session/network_model.py" line="400"/>
        <source>Stop training before changing the network or the data set.</source>
        <translation>请先停止训练，再修改网络或数据集。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/network_model.py" line="271"/>
        <source>Stop training before undoing or redoing an edit.</source>
        <translation>请先停止训练，再撤销或重做修改。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/network_model.py" line="256"/>
        <source>A hidden layer has 1 to {max} neurons; {n} is out of range.</source>
        <translation>隐含层可有 1 到 {max} 个神经元；{n} 超出了范围。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/network_model.py" line="228"/>
        <source>The new network could not be built ({why}); nothing was changed.</source>
        <translation>无法构建新网络（{why}）；没有做任何改动。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/network_model.py" line="251"/>
        <source>The new network&apos;s weights are still being drawn; a moment, please.</source>
        <translation>新网络的权重仍在生成中，请稍候。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/network_model.py" line="296"/>
        <source>With cross-entropy the output stays sigmoid; choose the mean squared error cost for another output activation.</source>
        <translation>使用交叉熵时输出层必须是 sigmoid；要用别的输出激活函数，请选择均方误差。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/network_model.py" line="305"/>
        <source>At most {n} hidden layers.</source>
        <translation>最多 {n} 个隐含层。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/network_model.py" line="354"/>
        <source>This preset needs data with {n} inputs; open the cat data set first.</source>
        <translation>这个预设需要 {n} 个输入的数据；请先打开猫数据集。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/network_model.py" line="436"/>
        <source>The images of {name} were read, but the network was busy; open the folder again when training stops.</source>
        <translation>{name} 的图片已读取，但网络正忙；训练停止后请重新打开该文件夹。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/network_model.py" line="441"/>
        <source>{name}: {n} images read ({train} training, {test} test).</source>
        <translation>{name}：读取了 {n} 张图片（训练 {train} 张，测试 {test} 张）。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/network_model.py" line="445"/>
        <source>Skipped {n} file(s) that could not be read: {files}</source>
        <translation>跳过了 {n} 个无法读取的文件：{files}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/network_model.py" line="499"/>
        <source>{name} gives {n} inputs; this network takes {m}.</source>
        <translation>{name} 有 {n} 个输入；这个网络需要 {m} 个。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/network_model.py" line="517"/>
        <source>{what}: the model takes {n} inputs but the data set has {m} features; open matching data first.</source>
        <translation>{what}：模型需要 {n} 个输入，但数据集有 {m} 个特征；请先打开匹配的数据。</translation>
    </message>
</context>
<context>
    <name>PlaneView</name>
    <message>
        <location filename="../../bpstudio/widgets/plane_view.py" line="140"/>
        <source>Output over the input plane</source>
        <translation>输入平面上的输出</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/plane_view.py" line="141"/>
        <source>Discretise output</source>
        <translation>输出离散化</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/plane_view.py" line="142"/>
        <source>Show test data</source>
        <translation>显示测试数据</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/plane_view.py" line="143"/>
        <source>blue: class 1 · orange: class 0 · ● training point · ■ test point</source>
        <translation>蓝：类别 1 · 橙：类别 0 · ● 训练点 · ■ 测试点</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/plane_view.py" line="162"/>
        <source>The output view needs a 2-D data set (circle, XOR, …, or a CSV with two feature columns).</source>
        <translation>输出视图需要二维数据集（圆形、异或…，或有两个特征列的 CSV）。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/plane_view.py" line="166"/>
        <source>train accuracy {train} · test accuracy {test}</source>
        <translation>训练准确率 {train} · 测试准确率 {test}</translation>
    </message>
</context>
<context>
    <name>PlaygroundPanel</name>
    <message>
        <location filename="../../bpstudio/widgets/playground_panel.py" line="59"/>
        <source>2-D playground</source>
        <translation>二维游乐场</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/playground_panel.py" line="60"/>
        <source>Regenerate</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/playground_panel.py" line="61"/>
        <source>Input features (the input layer follows):</source>
        <translation>输入特征（输入层随之改变）：</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/playground_panel.py" line="80"/>
        <source>Noise {p} %</source>
        <translation>噪声 {p} %</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/playground_panel.py" line="81"/>
        <source>Training share {p} %</source>
        <translation>训练集比例 {p} %</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/playground_panel.py" line="82"/>
        <source>Seed {seed}</source>
        <translation>种子 {seed}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/playground_panel.py" line="83"/>
        <source>split the rows again with the next seed</source>
        <translation>用下一个种子重新划分各行</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/playground_panel.py" line="84"/>
        <source>new points from the next seed</source>
        <translation>用下一个种子生成新的点</translation>
    </message>
</context>
<context>
    <name>Presenter</name>
    <message>
        <location filename="../../bpstudio/app/presentation.py" line="76"/>
        <source>&amp;Presentation mode</source>
        <translation>演示模式(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/presentation.py" line="77"/>
        <source>Leave presentation</source>
        <translation>退出演示</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/presentation.py" line="78"/>
        <source>&amp;Blank the screen</source>
        <translation>黑屏(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/presentation.py" line="79"/>
        <source>&amp;Larger</source>
        <translation>放大(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/presentation.py" line="80"/>
        <source>&amp;Smaller</source>
        <translation>缩小(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/presentation.py" line="81"/>
        <source>&amp;Normal size</source>
        <translation>正常大小(&amp;N)</translation>
    </message>
</context>
<context>
    <name>ResultCard</name>
    <message>
        <location filename="../../bpstudio/widgets/classify_gallery.py" line="81"/>
        <source>what the network sees: the input after cropping and resizing</source>
        <translation>网络看到的样子：裁剪和缩放之后的输入</translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <location filename="../../bpstudio/widgets/training_panel.py" line="66"/>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/training_panel.py" line="67"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/training_panel.py" line="68"/>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/training_panel.py" line="69"/>
        <source>One iteration</source>
        <translation>单次迭代</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/training_panel.py" line="70"/>
        <source>Train for the set number of iterations (Ctrl+T)</source>
        <translation>按设定的迭代次数训练（Ctrl+T）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/training_panel.py" line="71"/>
        <source>Pause or resume the run (Ctrl+P)</source>
        <translation>暂停或继续训练（Ctrl+P）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/training_panel.py" line="72"/>
        <source>Re-initialise the parameters with the seed; Ctrl+Z brings the trained ones back</source>
        <translation>用随机种子重新初始化参数；按 Ctrl+Z 可恢复训练好的参数</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/training_panel.py" line="82"/>
        <source>{m} min {s} s</source>
        <translation>{m} 分 {s} 秒</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/training_panel.py" line="83"/>
        <source>{s} s</source>
        <translation>{s} 秒</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/training_panel.py" line="98"/>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/training_panel.py" line="98"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/training_panel.py" line="108"/>
        <source>{done} / {total} iterations · {rate} it/s · {left} left</source>
        <translation>{done} / {total} 次迭代 · 每秒 {rate} 次 · 还剩 {left}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/training_panel.py" line="112"/>
        <source>{done} iterations · {rate} it/s</source>
        <translation>{done} 次迭代 · 每秒 {rate} 次</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/training_panel.py" line="121"/>
        <source>iteration {i}: cost {c}</source>
        <translation>第 {i} 次迭代：代价 {c}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/widgets/training_panel.py" line="124"/>
        <source>not trained yet</source>
        <translation>尚未训练</translation>
    </message>
</context>
<context>
    <name>TrainingSession</name>
    <message>
        <location filename="../../bpstudio/session/training.py" line="249"/>
        <source>Training failed: {why}</source>
        <translation>训练失败：{why}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/training.py" line="252"/>
        <source>The training process ended unexpectedly; the parameters from its last report were kept.</source>
        <translation>训练进程意外结束；已保留它最后一次报告的参数。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/training.py" line="274"/>
        <source>Trained {n} iterations in {s} s; cost {c}.</source>
        <translation>训练了 {n} 次迭代，用时 {s} 秒；代价 {c}。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/training.py" line="277"/>
        <source>Stopped after {n} of {total} iterations.</source>
        <translation>在 {total} 次迭代中的第 {n} 次后停止。</translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <location filename="../../bpstudio/core/h5data.py" line="39"/>
        <source>{path}: no cat data set here (looked for {names})</source>
        <translation>{path}：这里没有猫数据集（查找了 {names}）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/csvdata.py" line="51"/>
        <source>{name}: {mb} MB is over the {limit} MB limit</source>
        <translation>{name}：{mb} MB 超过了 {limit} MB 的上限</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/h5data.py" line="47"/>
        <source>{path}: no such file or folder</source>
        <translation>{path}：文件或文件夹不存在</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/csvdata.py" line="66"/>
        <source>{name}: not a text file (CSV must be UTF-8 text)</source>
        <translation>{name}：不是文本文件（CSV 必须是 UTF-8 文本）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/readable.py" line="47"/>
        <location filename="../../bpstudio/core/readable.py" line="60"/>
        <source>{name}: a folder, not a file</source>
        <translation>{name}：是文件夹，不是文件</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/readable.py" line="49"/>
        <source>{name}: not a regular file (a device, a pipe or a socket); not read</source>
        <translation>{name}：这种文件类型不能读取（如 FIFO、socket）；未读取</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/readable.py" line="58"/>
        <source>{name}: permission denied</source>
        <translation>{name}：没有权限</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/readable.py" line="61"/>
        <source>{name}: cannot be read ({why})</source>
        <translation>{name}：无法读取（{why}）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/csvdata.py" line="154"/>
        <source>{name}: no rows</source>
        <translation>{name}：没有数据行</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/csvdata.py" line="124"/>
        <source>{name}: line {line} has one column; a CSV needs feature columns and a 0/1 label column, separated by commas, semicolons or tabs</source>
        <translation>{name}：第 {line} 行只有一列；CSV 需要特征列和一列 0/1 标签，用逗号、分号或制表符分隔</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/csvdata.py" line="58"/>
        <source>{name}: line {line} is over {n} characters long; not a table of numbers</source>
        <translation>{name}：第 {line} 行超过 {n} 个字符；不是数字表格</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/csvdata.py" line="100"/>
        <source>line {line}: {n} fields, expected {width}</source>
        <translation>第 {line} 行：{n} 个字段，应为 {width} 个</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/csvdata.py" line="105"/>
        <source>line {line}: {value} is not a number</source>
        <translation>第 {line} 行：{value} 不是数字</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/csvdata.py" line="108"/>
        <source>line {line}: the label is {value}, not 0 or 1</source>
        <translation>第 {line} 行：标签是 {value}，不是 0 或 1</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/csvdata.py" line="139"/>
        <source>{name}: more numbers than fit the {limit} MB limit once loaded</source>
        <translation>{name}：数字太多，加载后会超过 {limit} MB 的上限</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/csvdata.py" line="156"/>
        <source>{name}: {n} bad row(s), nothing was loaded: {rows}</source>
        <translation>{name}：{n} 行有问题，未载入任何数据：{rows}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/csvdata.py" line="159"/>
        <source>{name}: {n} data row(s); at least 2 are needed</source>
        <translation>{name}：只有 {n} 行数据；至少需要 2 行</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/csvdata.py" line="177"/>
        <source>{a}; {b}</source>
        <translation>{a}；{b}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/csvdata.py" line="179"/>
        <source>{a}; and {n} more</source>
        <translation>{a}；另有 {n} 处</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/h5data.py" line="48"/>
        <source>{name}: not a cat data set file (expected one of {names})</source>
        <translation>{name}：不是猫数据集文件（应为 {names} 之一）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/h5data.py" line="57"/>
        <source>{path}: file not found (the {split} half of the data set)</source>
        <translation>{path}：找不到文件（数据集的 {split} 部分）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/h5data.py" line="63"/>
        <source>{name}: not an HDF5 file, or a damaged one</source>
        <translation>{name}：不是 HDF5 文件，或者文件已损坏</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/h5data.py" line="86"/>
        <source>{name}: {key} is a link to another file, or one that leads nowhere; only data stored in this file is read</source>
        <translation>{name}：{key} 是链接到另一个文件的链接，或者链接的对象不存在；只读取保存在这个文件中的数据</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/h5data.py" line="101"/>
        <source>{name}: {key} must be an array</source>
        <translation>{name}：{key} 必须是数组</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/h5data.py" line="104"/>
        <source>{name}: {key} keeps its numbers in other files; only data stored in this file is read</source>
        <translation>{name}：{key} 的数值保存在别的文件中；只读取保存在这个文件中的数据</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/h5data.py" line="115"/>
        <source>{name}: missing {keys} (it has {has})</source>
        <translation>{name}：缺少 {keys}（文件里有 {has}）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/h5data.py" line="223"/>
        <source>{name}: the data set would need {gb} GB once loaded, over the {limit} GB limit</source>
        <translation>{name}：数据集加载后需要 {gb} GB，超过了 {limit} GB 的上限</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/h5data.py" line="122"/>
        <source>{name}: {x} has shape {shape}; expected (m, height, width, 3) images or (m, features)</source>
        <translation>{name}：{x} 的形状是 {shape}；应为 (m, 高, 宽, 3) 的图像或 (m, 特征数)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/h5data.py" line="129"/>
        <source>{name}: {y} has shape {shape}; expected (m,) or (1, m)</source>
        <translation>{name}：{y} 的形状是 {shape}；应为 (m,) 或 (1, m)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/h5data.py" line="132"/>
        <source>{name}: {m} samples in {x} but {n} labels in {y}</source>
        <translation>{name}：{x} 有 {m} 个样本，但 {y} 有 {n} 个标签</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/h5data.py" line="136"/>
        <source>{name}: {key} holds complex numbers; expected real ones</source>
        <translation>{name}：{key} 包含复数；应为实数</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/h5data.py" line="139"/>
        <source>{name}: {x} and {y} must hold numbers</source>
        <translation>{name}：{x} 和 {y} 必须是数值</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/h5data.py" line="163"/>
        <source>{name}: list_classes must name the two classes (0 and 1), not {names}</source>
        <translation>{name}：list_classes 必须给出两个类别（0 和 1）的名称，而不是 {names}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/h5data.py" line="190"/>
        <source>{name}: the file is truncated or damaged</source>
        <translation>{name}：文件不完整或已损坏</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/h5data.py" line="153"/>
        <source>{name}: list_classes is not a list of names</source>
        <translation>{name}：list_classes 不是类别名称列表</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/h5data.py" line="125"/>
        <source>{name}: {x} holds no samples</source>
        <translation>{name}：{x} 不含任何样本</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/h5data.py" line="199"/>
        <source>{name}: {x} holds NaN or infinite values (sample {k} and {n} in all)</source>
        <translation>{name}：{x} 含有 NaN 或无穷大的值（第 {k} 个样本，共 {n} 个）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/h5data.py" line="205"/>
        <source>{name}: labels must be 0 or 1, found {bad}</source>
        <translation>{name}：标签必须是 0 或 1，却发现了 {bad}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/h5data.py" line="218"/>
        <source>{name}: test samples are {test}, train samples {train}; they must match</source>
        <translation>{name}：测试样本是 {test}，训练样本是 {train}；两者必须一致</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/h5data.py" line="142"/>
        <source>{name}: images must be 8-bit (uint8), not {dtype}</source>
        <translation>{name}：图像必须是 8 位（uint8），而不是 {dtype}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/datasets.py" line="156"/>
        <source>no built-in data set {name}; choose one of {known}</source>
        <translation>没有内置数据集 {name}；请从 {known} 中选择</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/datasets.py" line="168"/>
        <source>no built-in 2-D data set {name}; choose one of {known}</source>
        <translation>没有内置二维数据集 {name}；可选：{known}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/datasets.py" line="192"/>
        <source>{name}: not a 2-D data set any more ({n} feature columns)</source>
        <translation>{name}：已不再是二维数据集（{n} 个特征列）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/npzfile.py" line="39"/>
        <source>{name}: could not save ({why})</source>
        <translation>{name}：无法保存（{why}）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/npzfile.py" line="67"/>
        <source>{name}: its arrays would need {mb} MB, over the {limit} MB limit</source>
        <translation>{name}：其中的数组需要 {mb} MB，超过了 {limit} MB 的上限</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/npzfile.py" line="93"/>
        <source>{name}: encrypted, or packed with a compression numpy does not write; not read</source>
        <translation>{name}：压缩方式不是 numpy 写入的那种，无法解开；未读取</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/npzfile.py" line="114"/>
        <source>{name}: {n} arrays; a model or session has at most {max}</source>
        <translation>{name}：有 {n} 个数组；模型或会话最多有 {max} 个</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/modelfile.py" line="94"/>
        <source>a model file (.npz)</source>
        <translation>模型文件（.npz）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/modelfile.py" line="99"/>
        <source>{name}: not a BP Studio model (no &apos;dims&apos; entry)</source>
        <translation>{name}：不是 BP Studio 模型（没有 dims 项）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/modelfile.py" line="109"/>
        <source>{name}: missing {keys}</source>
        <translation>{name}：缺少 {keys}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/modelfile.py" line="115"/>
        <source>{name}: parameters must be floating-point, not {dtype}</source>
        <translation>{name}：参数必须是浮点数，而不是 {dtype}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/modelfile.py" line="118"/>
        <source>{name}: its parameters hold NaN or infinite values; it cannot classify</source>
        <translation>{name}：参数含有 NaN 或无穷大的值；无法用于分类</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/modelfile.py" line="130"/>
        <source>{name}: input shape {shape}; expected (features,) or (height, width, 3)</source>
        <translation>{name}：输入形状为 {shape}；应为 (特征数,) 或 (高, 宽, 3)</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/modelfile.py" line="134"/>
        <source>{name}: input shape {shape} does not hold {n} inputs</source>
        <translation>{name}：输入形状 {shape} 与 {n} 个输入不符</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/modelfile.py" line="138"/>
        <source>{name}: needs two class names (for 0 and 1), not {names}</source>
        <translation>{name}：需要两个类别名称（对应 0 和 1），而不是 {names}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/modelfile.py" line="142"/>
        <location filename="../../bpstudio/core/sessionfile.py" line="136"/>
        <location filename="../../bpstudio/session/lesson.py" line="144"/>
        <location filename="../../bpstudio/session/lesson.py" line="153"/>
        <source>{name}: {why}</source>
        <translation>{name}：{why}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/modelfile.py" line="144"/>
        <source>{name}: damaged metadata ({why})</source>
        <translation>{name}：元数据已损坏（{why}）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/network.py" line="50"/>
        <source>unknown initialiser {name}; choose one of {known}</source>
        <translation>未知的初始化方法 {name}；请从 {known} 中选择</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/network.py" line="214"/>
        <source>unknown precision {name}; choose float64 or float32</source>
        <translation>未知的精度 {name}；请选择 float64 或 float32</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/network.py" line="106"/>
        <source>layer {l}: W is {W} and b is {b}, but dims {dims} need W {needW} and b {needb}</source>
        <translation>第 {l} 层：W 是 {W}，b 是 {b}，但网络结构 {dims} 需要 W 为 {needW}、b 为 {needb}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/network.py" line="226"/>
        <source>a network of {n} weights is too big to allocate; at most {max}</source>
        <translation>有 {n} 个权重的网络太大，无法分配内存；最多 {max} 个</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/network.py" line="234"/>
        <source>a seed must be a whole number from 0 to {max}, not {v}</source>
        <translation>种子必须是 0 到 {max} 之间的整数，而不是 {v}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/network.py" line="243"/>
        <source>{n} hidden layers; the editor takes at most {max}</source>
        <translation>{n} 个隐藏层；编辑时最多可以有 {max} 个</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/network.py" line="247"/>
        <source>layer {l} has {n} neurons; the editor takes 1 to {max}</source>
        <translation>第 {l} 层有 {n} 个神经元；编辑时每层可以有 1 到 {max} 个</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/network.py" line="255"/>
        <source>a network needs at least an input and an output layer</source>
        <translation>网络至少需要一个输入层和一个输出层</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/network.py" line="258"/>
        <source>layer {l} has {n} neurons; every layer needs at least 1</source>
        <translation>第 {l} 层有 {n} 个神经元；每层至少需要 1 个</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/network.py" line="261"/>
        <source>the output layer has {n} neurons; BP Studio&apos;s networks have one (the probability of class 1)</source>
        <translation>输出层有 {n} 个神经元；BP Studio 的网络只有一个（类别 1 的概率）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/network.py" line="265"/>
        <source>{k} layers after the input need {k} activations, got {n}</source>
        <translation>输入层之后的 {k} 层需要 {k} 个激活函数，实际给了 {n} 个</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/network.py" line="269"/>
        <source>unknown activation {name}; choose one of {known}</source>
        <translation>未知的激活函数 {name}；请从 {known} 中选择</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/network.py" line="272"/>
        <source>unknown cost {name}; choose one of {known}</source>
        <translation>未知的代价函数 {name}；请从 {known} 中选择</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/network.py" line="277"/>
        <source>{cost} needs a {needed} output layer (its output must lie between 0 and 1), not {act}</source>
        <translation>{cost} 需要 {needed} 输出层（输出必须在 0 和 1 之间），而不是 {act}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/npzfile.py" line="88"/>
        <source>{name}: holds pickled Python objects; refused, since loading them could run code</source>
        <translation>{name}：包含 pickle 序列化的 Python 对象；已拒绝，因为加载它们可能会运行代码</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/npzfile.py" line="53"/>
        <source>{name}: not {what}, or a damaged one</source>
        <translation>{name}：不是{what}，或者文件已损坏</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/readable.py" line="56"/>
        <source>{name}: file not found</source>
        <translation>{name}：找不到文件</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/sessionfile.py" line="74"/>
        <source>array {k} is {dtype}, not numbers</source>
        <translation>数组 {k} 的类型是 {dtype}，不是数值</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/sessionfile.py" line="82"/>
        <source>a session file</source>
        <translation>会话文件</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/sessionfile.py" line="95"/>
        <source>{name}: not a BP Studio session (no session.json)</source>
        <translation>{name}：不是 BP Studio 会话（没有 session.json）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/sessionfile.py" line="97"/>
        <source>{name}: damaged session description</source>
        <translation>{name}：会话描述已损坏</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/sessionfile.py" line="106"/>
        <source>{name}: not a BP Studio session</source>
        <translation>{name}：不是 BP Studio 会话</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/modelfile.py" line="103"/>
        <location filename="../../bpstudio/core/sessionfile.py" line="112"/>
        <source>{name}: made by a newer BP Studio (format {v})</source>
        <translation>{name}：由更新版本的 BP Studio 创建（格式 {v}）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/trainer.py" line="46"/>
        <source>the learning rate must be a number above 0 and at most {max}, not {v}</source>
        <translation>学习率必须大于 0 且不超过 {max}，而不是 {v}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/trainer.py" line="50"/>
        <source>the number of iterations must be a whole number from 1 to {max}, not {v}</source>
        <translation>迭代次数必须是 1 到 {max} 之间的整数，而不是 {v}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/trainer.py" line="55"/>
        <source>the batch size must lie between 1 and the {m} training samples, not {v}</source>
        <translation>批大小必须在 1 和训练样本数 {m} 之间，而不是 {v}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/trainer.py" line="58"/>
        <source>the L2 strength λ must be 0 or positive, not {v}</source>
        <translation>L2 正则强度 λ 必须为 0 或正数，而不是 {v}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/trainer.py" line="123"/>
        <source>the gradients have vanished in every layer (largest ‖dW‖ {g}) while the cost is still {c}: saturated sigmoid/tanh or dead ReLU neurons pass no gradient back, so nothing learns any more. Try another initialiser, a smaller learning rate, or ReLU.</source>
        <translation>每一层的梯度都已消失（最大 ‖dW‖ 为 {g}），而代价仍为 {c}：饱和的 sigmoid/tanh 或“死亡”的 ReLU 神经元无法把梯度传回，网络不再学习。请换一种初始化方法、减小学习率或使用 ReLU。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/trainer.py" line="129"/>
        <source>vanishing gradients: ‖dW[1]‖ is {r} of ‖dW[{L}]‖, so the first layers hardly learn. Each layer multiplies the error by σ′ (at most 0.25 for sigmoid) and by Wᵀ on the way back (eq. 4 and 9); try ReLU hidden layers, He initialisation or fewer layers.</source>
        <translation>梯度消失：‖dW[1]‖ 只有 ‖dW[{L}]‖ 的 {r}，前面几层几乎学不到东西。误差在反向传播时每经过一层都要乘以 σ′（sigmoid 最大为 0.25）和 Wᵀ（式 4 和式 9）；请尝试 ReLU 隐藏层、He 初始化或减少层数。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/trainer.py" line="142"/>
        <source>the data has {n} input features but the network&apos;s input layer has {m} neurons</source>
        <translation>数据有 {n} 个输入特征，但网络的输入层有 {m} 个神经元</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/trainer.py" line="253"/>
        <source>training diverged at iteration {i} ({why}); the learning rate {lr} is probably too high. The parameters from before iteration {kept} were kept.</source>
        <translation>训练在第 {i} 次迭代时发散（{why}）；学习率 {lr} 可能太大了。已保留第 {kept} 次迭代之前的参数。</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/trainer.py" line="291"/>
        <source>cost NaN</source>
        <translation>代价为 NaN</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/trainer.py" line="292"/>
        <source>cost infinite</source>
        <translation>代价为无穷大</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/trainer.py" line="295"/>
        <source>cost {c}, {k}× the first</source>
        <translation>代价 {c}，是最初的 {k} 倍</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/trainer.py" line="304"/>
        <source>weights overflowed</source>
        <translation>权重溢出</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/images.py" line="61"/>
        <source>{name}: the file is empty</source>
        <translation>{name}：文件是空的</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/images.py" line="64"/>
        <source>{name}: the JPEG file is incomplete (cut off before its end)</source>
        <translation>{name}：JPEG 文件不完整（在结尾之前被截断）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/images.py" line="70"/>
        <source>{name}: {kind} pictures are not read here; BP Studio reads PNG, JPEG, BMP, GIF, WebP and TIFF</source>
        <translation>{name}：这里不读取 {kind} 图片；BP Studio 读取 PNG、JPEG、BMP、GIF、WebP 和 TIFF</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/images.py" line="83"/>
        <source>{name}: cannot read this image ({w}×{h} pixels would need over {mb} MB)</source>
        <translation>{name}：无法读取这张图片（{w}×{h} 像素需要超过 {mb} MB 内存）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/images.py" line="88"/>
        <source>{name}: cannot read this image ({why})</source>
        <translation>{name}：无法读取这张图片（{why}）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/images.py" line="157"/>
        <source>this network takes {n} numbers, not RGB images</source>
        <translation>这个网络的输入是 {n} 个数，不是 RGB 图像</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/lesson.py" line="163"/>
        <source>{name}: unknown built-in data set {data}</source>
        <translation>{name}：未知的内置数据集 {data}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/lesson.py" line="41"/>
        <source>{name}: its data set is missing ({path}); put it back or open the data first</source>
        <translation>{name}：找不到它的数据集（{path}）；请放回原处或先打开数据</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/lesson.py" line="179"/>
        <source>{name}: its data set cannot be read ({why})</source>
        <translation>{name}：无法读取它的数据集（{why}）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/lesson.py" line="184"/>
        <source>{name}: stop training before opening a session</source>
        <translation>{name}：请先停止训练，再打开会话</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/sessionfile.py" line="109"/>
        <location filename="../../bpstudio/core/sessionfile.py" line="133"/>
        <source>{name}: damaged session ({why})</source>
        <translation>{name}：会话已损坏（{why}）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/lesson.py" line="147"/>
        <source>{name}: the network takes {n} inputs but its data set has {m}</source>
        <translation>{name}：网络需要 {n} 个输入，但它的数据集有 {m} 个</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/plane.py" line="56"/>
        <source>unknown feature {name}; choose from {known}</source>
        <translation>未知特征 {name}；可选：{known}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/core/plane.py" line="59"/>
        <source>choose at least one input feature</source>
        <translation>至少选择一个输入特征</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/image_folder.py" line="39"/>
        <source>{path}: not a folder</source>
        <translation>{path}：不是文件夹</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/image_folder.py" line="44"/>
        <source>{name}: needs exactly two sub-folders, one per class (e.g. cat/ and not-cat/); found {n}{list}</source>
        <translation>{name}：需要正好两个子文件夹，每个类别一个（例如 cat/ 和 not-cat/）；找到 {n} 个{list}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/image_folder.py" line="66"/>
        <source>images are resized to {min}–{max} pixels a side, not {side}</source>
        <translation>图片边长须缩放为 {min}–{max} 像素，而不是 {side}</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/image_folder.py" line="72"/>
        <source>{name}/{folder}: no images (PNG, JPEG, BMP, GIF, WebP or TIFF)</source>
        <translation>{name}/{folder}：没有图片（PNG、JPEG、BMP、GIF、WebP 或 TIFF）</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/image_folder.py" line="77"/>
        <source>{name}: {n} images of {side}×{side} would need {gb} GB once loaded, over the {limit} GB limit</source>
        <translation>{name}：{n} 张 {side}×{side} 的图片加载后需要 {gb} GB，超过了 {limit} GB 的上限</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/image_folder.py" line="94"/>
        <source>{name}/{folder}: none of its images could be read</source>
        <translation>{name}/{folder}：其中的图片都无法读取</translation>
    </message>
    <message>
        <location filename="../../bpstudio/session/image_folder.py" line="97"/>
        <source>{name}: {n} readable image(s); at least 2 are needed</source>
        <translation>{name}：只有 {n} 张可读图片；至少需要 2 张</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/settings.py" line="66"/>
        <source>The settings file {path} is not a regular file; nothing is remembered this time</source>
        <translation>设置文件 {path} 的文件类型不能读取；这次不会保存任何设置</translation>
    </message>
    <message>
        <location filename="../../bpstudio/app/settings.py" line="96"/>
        <source>The remembered setting {key} ({value}) could not be used; it was reset</source>
        <translation>保存的设置 {key}（{value}）无法使用；已重置</translation>
    </message>
</context>
</TS>
